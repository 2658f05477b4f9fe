using Backups.Domain.Schema;
using Backups.Sources.Postgres;
using Npgsql;

namespace Backups.Sources.Targets.Postgres;

/// <summary>A session on a PostgreSQL target: one connection; each create and each load is one transaction.</summary>
internal sealed class PgTargetSession : ITargetSession, IBatchTargetSession
{
    private readonly NpgsqlDataSource dataSource;
    private readonly NpgsqlConnection connection;
    private readonly TableCompatibility rules;
    private readonly HashSet<string> keysAfterLoad = new(StringComparer.Ordinal);
    private int disposed;

    public PgTargetSession(NpgsqlDataSource dataSource, NpgsqlConnection connection, SourceIdentity identity, string snapshotSourceKind)
    {
        this.dataSource = dataSource;
        this.connection = connection;
        Identity = identity;
        rules = new TableCompatibility("postgres", snapshotSourceKind, TypeFor, (a, b) => string.Equals(a, b, StringComparison.Ordinal));
    }

    public SourceIdentity Identity { get; }

    public string? SchemaFor(TableSchema table, string? targetSchema)
    {
        ArgumentNullException.ThrowIfNull(table);
        return targetSchema ?? (rules.SameDialect ? table.Schema : null) ?? "public";
    }

    public string? TargetType(TableSchema table, ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return TypeFor(column);
    }

    private string? TypeFor(ColumnSchema column) => rules.SameDialect ? column.SourceType : PgTargetTypes.ForKind(column.Kind);

    public Task<TableState> InspectAsync(string? schema, string table, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        ThrowIfDisposed();
        return PgTargetCatalog.InspectAsync(connection, schema ?? "public", table, ct);
    }

    public IReadOnlyList<string> CheckCompatible(TableSchema wanted, TableState existing) => rules.Check(wanted, existing);

    public Task CreateTableAsync(TableSchema table, string? targetSchema, CancellationToken ct) => CreateAsync(table, targetSchema, withKeys: true, ct);

    public async Task CreateTableForLoadAsync(TableSchema table, string? targetSchema, CancellationToken ct)
    {
        await CreateAsync(table, targetSchema, withKeys: false, ct).ConfigureAwait(false);
        keysAfterLoad.Add(QualifiedName(table, targetSchema));
    }

    private string QualifiedName(TableSchema table, string? targetSchema) => PgSql.Qualified(SchemaFor(table, targetSchema)!, table.Name);

    private async Task CreateAsync(TableSchema table, string? targetSchema, bool withKeys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ThrowIfDisposed();
        var schema = SchemaFor(table, targetSchema)!;
        var qualified = $"{schema}.{table.Name}";
        var problems = rules.Unrestorable(table, qualified).ToList();
        var types = table.Columns.Select(TypeFor).OfType<string>().ToList();
        var missing = await PgTargetCatalog.MissingTypesAsync(connection, types, ct).ConfigureAwait(false);
        problems.AddRange(table.Columns.Where(c => TypeFor(c) is { } t && missing.Contains(t)).Select(c =>
            $"table {qualified}: column {c.Name} has type {TypeFor(c)}, which does not exist in the target database (create it first, e.g. from pg_dump --schema-only)"));
        if ((await InspectAsync(schema, table.Name, ct).ConfigureAwait(false)).Exists)
        {
            problems.Add($"table {qualified} already exists in the target");
        }

        if (problems.Count > 0)
        {
            throw new TargetSchemaException(qualified, problems);
        }

        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (!await PgTargetCatalog.SchemaExistsAsync(connection, schema, ct).ConfigureAwait(false))
        {
            await PgSessionSql.ExecuteAsync(connection, $"CREATE SCHEMA {PgSql.Ident(schema)}", ct).ConfigureAwait(false);
        }

        await PgSessionSql.ExecuteAsync(connection, PgTargetCatalog.CreateTable(table, schema, c => TypeFor(c)!, withKeys), ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    public async Task TruncateAsync(string? schema, string table, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        ThrowIfDisposed();
        await PgSessionSql.ExecuteAsync(connection, $"TRUNCATE TABLE ONLY {PgSql.Qualified(schema ?? "public", table)}", ct).ConfigureAwait(false);
    }

    public async Task<long> CountRowsAsync(string? schema, string table, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        ThrowIfDisposed();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM ONLY {PgSql.Qualified(schema ?? "public", table)}", connection);
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    public bool CanLoadBatches(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var schema = SchemaFor(table, null)!;
        return new PgTableLoader(connection, table, schema, TypeFor).Binary && table.Columns.All(c => TypeFor(c) is not null);
    }

    public Task<long> LoadBatchesAsync(
        TableSchema table, string? targetSchema, IAsyncEnumerable<IColumnarBatch> batches, LoadMode mode, IProgress<long>? rowsLoaded, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return LoadWithAsync(table, targetSchema, mode, loader => loader.CopyBatchesAsync(batches, rowsLoaded, ct), ct);
    }

    public Task<long> LoadAsync(
        TableSchema table, string? targetSchema, IAsyncEnumerable<object?[]> rows, LoadMode mode, IProgress<long>? rowsLoaded, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return LoadWithAsync(table, targetSchema, mode, loader => loader.CopyAsync(rows, rowsLoaded, ct), ct);
    }

    private async Task<long> LoadWithAsync(TableSchema table, string? targetSchema, LoadMode mode, Func<PgTableLoader, Task<long>> copy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ThrowIfDisposed();
        var schema = SchemaFor(table, targetSchema)!;
        var loader = new PgTableLoader(connection, table, schema, TypeFor);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        try
        {
            var existing = await InspectAsync(schema, table.Name, ct).ConfigureAwait(false);
            var problems = rules.Check(table, existing);
            if (problems.Count > 0)
            {
                throw new TargetSchemaException(existing.QualifiedName, problems);
            }

            if (mode == LoadMode.Replace)
            {
                await PgSessionSql.ExecuteAsync(connection, $"TRUNCATE TABLE ONLY {PgSql.Qualified(schema, table.Name)}", ct).ConfigureAwait(false);
            }

            var loaded = await copy(loader).ConfigureAwait(false);
            var qualified = PgSql.Qualified(schema, table.Name);
            if (keysAfterLoad.Contains(qualified) && PgTargetCatalog.AddKeys(table, schema) is { } addKeys)
            {
                await PgSessionSql.ExecuteAsync(connection, addKeys, ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            keysAfterLoad.Remove(qualified);
            return loaded;
        }
        catch
        {
            await RollBackAsync(transaction).ConfigureAwait(false);
            await AddKeysToEmptyTableAsync(table, schema).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// After a failed first load of a table created for it, the table is empty: it gets its keys now, so that it is
    /// exactly what <see cref="CreateTableAsync"/> would have made (best effort; the load's failure is what is reported).
    /// </summary>
    private async Task AddKeysToEmptyTableAsync(TableSchema table, string schema)
    {
        var qualified = PgSql.Qualified(schema, table.Name);
        if (!keysAfterLoad.Remove(qualified) || PgTargetCatalog.AddKeys(table, schema) is not { } addKeys)
        {
            return;
        }

        try
        {
            await PgSessionSql.ExecuteAsync(connection, addKeys, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A broken connection: the table stays without its keys; the restore's error names it as created and left empty.
        }
    }

    private async Task RollBackAsync(NpgsqlTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A broken connection ends the transaction anyway; the original error is what matters.
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        await dataSource.DisposeAsync().ConfigureAwait(false);
    }
}

using System.Text.RegularExpressions;
using Backups.Domain.Schema;
using Backups.Sources.Sqlite;
using Microsoft.Data.Sqlite;

namespace Backups.Sources.Targets.Sqlite;

/// <summary>A session on an SQLite target: one connection; each create and each load is one IMMEDIATE transaction.</summary>
internal sealed partial class SqliteTargetSession : ITargetSession
{
    private readonly SqliteConnection connection;
    private readonly TableCompatibility rules;
    private int disposed;

    public SqliteTargetSession(SqliteConnection connection, SourceIdentity identity, string snapshotSourceKind)
    {
        this.connection = connection;
        Identity = identity;
        rules = new TableCompatibility("sqlite", snapshotSourceKind, TypeFor, SqliteTargetTypes.Same);
    }

    public SourceIdentity Identity { get; }

    public string? SchemaFor(TableSchema table, string? targetSchema)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckSchema(targetSchema);
        return null;
    }

    public string? TargetType(TableSchema table, ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return TypeFor(column);
    }

    private string? TypeFor(ColumnSchema column) => rules.SameDialect ? column.SourceType : SqliteTargetTypes.ForKind(column);

    public Task<TableState> InspectAsync(string? schema, string table, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        CheckSchema(schema);
        ThrowIfDisposed();
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(SqliteTargetCatalog.Inspect(connection, null, table));
    }

    public IReadOnlyList<string> CheckCompatible(TableSchema wanted, TableState existing) => rules.Check(wanted, existing);

    public Task CreateTableAsync(TableSchema table, string? targetSchema, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckSchema(targetSchema);
        ThrowIfDisposed();
        ct.ThrowIfCancellationRequested();
        var problems = rules.Unrestorable(table, table.Name).ToList();
        problems.AddRange(table.Columns.Where(c => TypeFor(c) is { } t && !PlainTypeName().IsMatch(t)).Select(c =>
            $"table {table.Name}: column {c.Name} has type {TypeFor(c)}, which is not a plain SQLite type name"));
        using var transaction = connection.BeginTransaction(deferred: false);
        if (SqliteTargetCatalog.Inspect(connection, transaction, table.Name).Exists)
        {
            problems.Add($"table {table.Name} already exists in the target");
        }

        if (problems.Count > 0)
        {
            throw new TargetSchemaException(table.Name, problems);
        }

        using (var command = new SqliteCommand(SqliteTargetCatalog.CreateTable(table, c => TypeFor(c)!), connection, transaction))
        {
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    public Task<long> CountRowsAsync(string? schema, string table, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        CheckSchema(schema);
        ThrowIfDisposed();
        ct.ThrowIfCancellationRequested();
        using var command = new SqliteCommand($"SELECT count(*) FROM {SqliteSql.Ident(table)}", connection);
        return Task.FromResult((long)command.ExecuteScalar()!);
    }

    public Task TruncateAsync(string? schema, string table, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        CheckSchema(schema);
        ThrowIfDisposed();
        ct.ThrowIfCancellationRequested();
        using var command = new SqliteCommand($"DELETE FROM {SqliteSql.Ident(table)}", connection);
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public async Task<long> LoadAsync(
        TableSchema table, string? targetSchema, IAsyncEnumerable<object?[]> rows, LoadMode mode, IProgress<long>? rowsLoaded, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        CheckSchema(targetSchema);
        ThrowIfDisposed();
        using var transaction = connection.BeginTransaction(deferred: false);
        var existing = SqliteTargetCatalog.Inspect(connection, transaction, table.Name);
        var problems = rules.Check(table, existing);
        if (problems.Count > 0)
        {
            throw new TargetSchemaException(table.Name, problems);
        }

        if (mode == LoadMode.Replace)
        {
            using var delete = new SqliteCommand($"DELETE FROM {SqliteSql.Ident(table.Name)}", connection, transaction);
            delete.ExecuteNonQuery();
        }

        var affinities = table.Columns.Select(c => SqliteTargetTypes.Affinity(existing.Columns.First(e => e.Name == c.Name).Type)).ToArray();
        var loader = new SqliteTableLoader(connection, transaction, table, affinities, rules.SameDialect);
        var loaded = await loader.InsertAsync(rows, rowsLoaded, ct).ConfigureAwait(false);
        transaction.Commit();
        return loaded;
    }

    private static void CheckSchema(string? schema)
    {
        if (schema is not null && !string.Equals(schema, "main", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"SQLite has no schema '{schema}'; leave the target schema empty or use 'main'.", nameof(schema));
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            connection.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    // SQLite's type-name: identifiers, optionally followed by (number) or (number, number).
    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_]*(\s+[A-Za-z_][A-Za-z0-9_]*)*(\s*\(\s*[+-]?\d+\s*(,\s*[+-]?\d+\s*)?\))?)?\s*$")]
    private static partial Regex PlainTypeName();
}

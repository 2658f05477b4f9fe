using Backups.Domain.Schema;
using Backups.Operations.Restore;
using Backups.Sources;
using Backups.Sources.Targets;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace Backups.Operations.Diff;

/// <summary>
/// A live table, read through the source dialect in one consistent read (PostgreSQL: REPEATABLE READ, in key
/// order). The <c>--where</c> key query on PostgreSQL imports the same exported transaction snapshot, so the keys
/// and the rows are of one instant.
/// </summary>
internal sealed class LiveDiffSide : DiffSide
{
    private readonly ISourceSession _session;
    private readonly string _kind;
    private readonly string _connection;

    private LiveDiffSide(ISourceSession session, TableSchema table, string kind, string connection, Instant readAt)
    {
        _session = session;
        _kind = kind;
        _connection = connection;
        Schema = table;
        Info = new DiffSideInfo($"{TargetNames.Describe(session.Identity)} (live, read at {InstantPattern.ExtendedIso.Format(readAt)})", null, readAt, kind, table.Schema, table.Name, null);
    }

    public override DiffSideInfo Info { get; }

    public override TableSchema Schema { get; }

    public static async Task<LiveDiffSide> OpenAsync(string kind, string connection, string? schema, string table, Instant readAt, CancellationToken cancellationToken)
    {
        var normalized = TargetFactory.NormalizeKind(kind);
        ISource source;
        try
        {
            source = SourceFactory.Create(normalized, connection, new SourceOptions { MaxParallelReaders = 1 });
        }
        catch (ArgumentException e)
        {
            throw new OperationInputException($"--against: {e.Message}");
        }

        var session = await source.OpenSnapshotAsync(new SourceSelection(schema, [table], []), cancellationToken);
        try
        {
            var found = session.Tables.FirstOrDefault(t => string.Equals(t.Name, table, StringComparison.Ordinal))
                ?? (session.Tables.Count == 1 ? session.Tables[0] : null)
                ?? throw new OperationInputException($"--against: table {table} is not in {TargetNames.Describe(session.Identity)} under that exact name (found {string.Join(", ", session.Tables.Select(t => t.QualifiedName))})");
            return new LiveDiffSide(session, found, normalized, connection, readAt);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public override IAsyncEnumerable<object?[]> ReadRowsAsync(CancellationToken cancellationToken) => _session.ReadRowsAsync(Schema, cancellationToken);

    public override Task<HashSet<string>> MatchingKeysAsync(string predicate, IReadOnlyList<DiffColumn> key, CancellationToken cancellationToken) =>
        _kind == "sqlite" ? Task.FromResult(SqliteKeys(predicate, key, cancellationToken)) : PostgresKeysAsync(predicate, key, cancellationToken);

    public override ValueTask DisposeAsync() => _session.DisposeAsync();

    private async Task<HashSet<string>> PostgresKeysAsync(string predicate, IReadOnlyList<DiffColumn> key, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(LiveConnections.Postgres(_connection).ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var begin = "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3; "
            + "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
        if (_session.ConsistencyPoint.TryGetValue("exported-snapshot", out var snapshot) && snapshot.All(c => char.IsAsciiHexDigit(c) || c == '-'))
        {
            begin += $"; SET TRANSACTION SNAPSHOT '{snapshot}'";
        }

        await using (var command = new NpgsqlCommand(begin, connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var columns = key.Select(k => Column(k)).ToList();
        var table = $"{Ident(Schema.Schema ?? "public")}.{Ident(Schema.Name)}";
        var keys = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var query = new NpgsqlCommand($"SELECT {string.Join(", ", columns)} FROM ONLY {table} WHERE ({predicate})", connection);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            var values = new object?[key.Count];
            var indexes = Enumerable.Range(0, key.Count).ToArray();
            var kinds = key.Select(k => k.Kind).ToArray();
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : Read(reader, i, kinds[i]);
                }

                keys.Add(KeyText.Compose(values, indexes, kinds));
            }
        }
        catch (PostgresException e)
        {
            throw new OperationInputException($"--where: PostgreSQL refused the predicate on {Schema.QualifiedName}: {e.MessageText} [{e.SqlState}]");
        }

        return keys;
    }

    private HashSet<string> SqliteKeys(string predicate, IReadOnlyList<DiffColumn> key, CancellationToken cancellationToken)
    {
        using var connection = new SqliteConnection(LiveConnections.SqliteReadOnly(_connection));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", key.Select(k => Ident(k.Name)))} FROM {Ident(Schema.Name)} WHERE ({predicate})";
        var keys = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var reader = command.ExecuteReader();
            var values = new object?[key.Count];
            var indexes = Enumerable.Range(0, key.Count).ToArray();
            var kinds = key.Select(k => k.Kind).ToArray();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                keys.Add(KeyText.Compose(values, indexes, kinds));
            }
        }
        catch (SqliteException e)
        {
            throw new OperationInputException($"--where: SQLite refused the predicate on {Schema.Name}: {e.Message}");
        }

        return keys;
    }

    private static string Column(DiffColumn column) => column.Kind switch
    {
        ColumnKind.Decimal or ColumnKind.Json => $"{Ident(column.Name)}::text",
        ColumnKind.DialectText when column.NewType == "inet" => $"abbrev({Ident(column.Name)})",
        ColumnKind.DialectText => $"{Ident(column.Name)}::text",
        _ => Ident(column.Name),
    };

    private static object Read(NpgsqlDataReader reader, int ordinal, ColumnKind kind) => kind switch
    {
        ColumnKind.Date => reader.GetFieldValue<DateOnly>(ordinal),
        ColumnKind.Time => reader.GetFieldValue<TimeOnly>(ordinal),
        ColumnKind.Timestamp or ColumnKind.TimestampTz => reader.GetFieldValue<DateTime>(ordinal),
        ColumnKind.Binary => reader.GetFieldValue<byte[]>(ordinal),
        ColumnKind.Decimal or ColumnKind.Json or ColumnKind.DialectText or ColumnKind.Text => reader.GetString(ordinal),
        _ => reader.GetValue(ordinal),
    };

    private static string Ident(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

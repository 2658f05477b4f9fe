using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Backups.Domain.Schema;
using Microsoft.Data.Sqlite;

namespace Backups.Sources.Sqlite;

/// <summary>An SQLite snapshot: one connection, one read transaction, one table read at a time.</summary>
internal sealed class SqliteSession : ISourceSession
{
    private readonly SqliteConnection connection;
    private readonly Dictionary<string, SqliteTable> tables;
    private readonly SemaphoreSlim reader = new(1, 1);
    private int disposed;

    public SqliteSession(SqliteConnection connection, SourceIdentity identity, IReadOnlyDictionary<string, string> consistencyPoint, IReadOnlyList<SqliteTable> tables)
    {
        this.connection = connection;
        Identity = identity;
        ConsistencyPoint = consistencyPoint;
        this.tables = tables.ToDictionary(t => t.Schema.Name, StringComparer.Ordinal);
        Tables = tables.Select(t => t.Schema).ToList();
    }

    public SourceIdentity Identity { get; }

    public IReadOnlyDictionary<string, string> ConsistencyPoint { get; }

    public IReadOnlyList<TableSchema> Tables { get; }

    public int MaxParallelReaders => 1;

    /// <summary>SQLite keeps no row-count statistics that are cheap and current; always null.</summary>
    public long? EstimateRows(TableSchema table)
    {
        Find(table);
        return null;
    }

    public IAsyncEnumerable<object?[]> ReadRowsAsync(TableSchema table, CancellationToken ct)
    {
        var found = Find(table);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        return ReadAsync(found, ct);
    }

    private async IAsyncEnumerable<object?[]> ReadAsync(SqliteTable table, [EnumeratorCancellation] CancellationToken ct)
    {
        await reader.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var offset = table.RowidAlias is null ? 0 : 1;
            using var command = new SqliteCommand(Query(table), connection);
            using var rows = command.ExecuteReader();
            var rules = table.Columns.Select(c => c.Rule).ToArray();
            var count = 0L;
            while (rows.Read())
            {
                if ((++count & 0x3ff) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                var row = new object?[rules.Length];
                for (var i = 0; i < rules.Length; i++)
                {
                    var raw = rows.GetValue(i + offset);
                    if (raw is DBNull)
                    {
                        continue;
                    }

                    row[i] = SqliteValues.Convert(raw, rules[i], out var problem);
                    if (problem is not null)
                    {
                        throw new SourceValueException(table.Schema.Name, table.Columns[i].Schema.Name, Locate(table, rows), problem);
                    }
                }

                yield return row;
            }
        }
        finally
        {
            reader.Release();
        }
    }

    private static string Query(SqliteTable table)
    {
        var sql = new StringBuilder("SELECT ");
        if (table.RowidAlias is { } rowid)
        {
            sql.Append(rowid).Append(", ");
        }

        sql.AppendJoin(", ", table.Columns.Select(c => SqliteSql.Ident(c.Schema.Name)))
            .Append(" FROM ").Append(SqliteSql.Ident(table.Schema.Name))
            .Append(" ORDER BY ");
        if (table.Schema.PrimaryKey.Count > 0)
        {
            sql.AppendJoin(", ", table.Schema.PrimaryKey.Select(SqliteSql.Ident));
        }
        else
        {
            sql.Append(table.RowidAlias);
        }

        return sql.ToString();
    }

    private static string Locate(SqliteTable table, SqliteDataReader rows)
    {
        if (table.RowidAlias is not null)
        {
            return "rowid " + rows.GetInt64(0).ToString(CultureInfo.InvariantCulture);
        }

        var values = table.Schema.PrimaryKey.Select(k =>
        {
            var value = rows.GetValue(table.Columns.ToList().FindIndex(c => c.Schema.Name == k));
            return Convert.ToString(value, CultureInfo.InvariantCulture);
        });
        return $"key ({string.Join(", ", values)})";
    }

    private SqliteTable Find(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return tables.TryGetValue(table.Name, out var found)
            ? found
            : throw new ArgumentException($"Table {table.QualifiedName} is not part of this snapshot.", nameof(table));
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            connection.Dispose();
            reader.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}

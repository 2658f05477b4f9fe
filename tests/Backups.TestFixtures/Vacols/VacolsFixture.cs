using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Backups.TestFixtures.Vacols;

/// <summary>
/// Builds a VACOLS-shaped database from the shared fixture files: the 13 tables that have sample rows,
/// translated from the Oracle DDL (VARCHAR2 → varchar, CHAR → char, NUMBER(p,s) → numeric(p,s),
/// NUMBER → numeric, DATE → timestamp, CLOB → text, BLOB → bytea; SQLite: VARCHAR, CHAR, NUMERIC,
/// DATE, TEXT, BLOB), names in lower case, with the declared primary keys (and BFKEY for BRIEFF, which
/// declares none). A few sample values are longer than Oracle declares; those columns are widened
/// (<see cref="VacolsColumn.Widened"/>). <c>scale</c> &gt; 1 repeats every row with new keys, for benchmarks.
/// </summary>
public static class VacolsFixture
{
    private static readonly Lazy<IReadOnlyList<VacolsTable>> Model = new(() => VacolsModel.Load(SharedFixtures.VacolsDirectory));

    /// <summary>The PostgreSQL schema the tables go into unless told otherwise.</summary>
    public const string DefaultSchema = "vacols";

    /// <summary>The 13 tables, in the order of the fixtures README.</summary>
    public static IReadOnlyList<VacolsTable> Tables => Model.Value;

    public static VacolsTable Table(string name) =>
        Tables.SingleOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No VACOLS fixture table {name}.", nameof(name));

    /// <summary>Creates the tables in <paramref name="schema"/> (created if missing) and loads the rows with COPY, then ANALYZE.</summary>
    /// <param name="tables">Table names to build, or null for all 13.</param>
    public static async Task BuildPostgresAsync(
        string connectionString, int scale = 1, string schema = DefaultSchema, IReadOnlyCollection<string>? tables = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var chosen = Choose(tables);
        var keys = chosen.ToDictionary(t => t.Name, t => VacolsKeys.For(t, scale));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {Quote(schema)}", ct);
        foreach (var table in chosen)
        {
            await ExecuteAsync(connection, PostgresDdl(table, schema), ct);
            var copy = $"COPY {Quote(schema)}.{Quote(table.Name)} ({string.Join(", ", table.CsvColumns.Select(Quote))}) FROM STDIN (FORMAT csv)";
            await using (var writer = await connection.BeginTextImportAsync(copy, ct))
            {
                var line = new StringBuilder();
                for (var k = 0; k < scale; k++)
                {
                    foreach (var row in table.Rows)
                    {
                        line.Clear();
                        AppendCsv(line, VacolsKeys.Copy(keys[table.Name], row, k));
                        await writer.WriteAsync(line.ToString());
                    }
                }
            }

            await ExecuteAsync(connection, $"ANALYZE {Quote(schema)}.{Quote(table.Name)}", ct);
        }
    }

    /// <summary>Creates (or replaces) an SQLite file with the tables and rows.</summary>
    public static void BuildSqlite(string path, int scale = 1, IReadOnlyCollection<string>? tables = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var chosen = Choose(tables);
        File.Delete(path);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var table in chosen)
        {
            using (var create = new SqliteCommand(SqliteDdl(table), connection, transaction))
            {
                create.ExecuteNonQuery();
            }

            var keys = VacolsKeys.For(table, scale);
            var placeholders = string.Join(", ", table.CsvColumns.Select((_, i) => $"@p{i}"));
            using var insert = new SqliteCommand(
                $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.CsvColumns.Select(Quote))}) VALUES ({placeholders})", connection, transaction);
            var parameters = table.CsvColumns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"@p{i}", null))).ToArray();
            insert.Prepare();
            for (var k = 0; k < scale; k++)
            {
                foreach (var row in table.Rows)
                {
                    var values = VacolsKeys.Copy(keys, row, k);
                    for (var i = 0; i < values.Length; i++)
                    {
                        parameters[i].Value = (object?)values[i] ?? DBNull.Value;
                    }

                    insert.ExecuteNonQuery();
                }
            }
        }

        transaction.Commit();
    }

    public static string PostgresDdl(VacolsTable table, string schema = DefaultSchema)
    {
        ArgumentNullException.ThrowIfNull(table);
        var items = table.Columns.Select(c => $"{Quote(c.Name)} {c.PostgresType}{(c.NotNull ? " NOT NULL" : "")}").ToList();
        items.AddRange(Constraints(table));
        return $"CREATE TABLE {Quote(schema)}.{Quote(table.Name)} ({string.Join(", ", items)})";
    }

    public static string SqliteDdl(VacolsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var items = table.Columns.Select(c => $"{Quote(c.Name)} {c.SqliteType}{(c.NotNull ? " NOT NULL" : "")}").ToList();
        items.AddRange(Constraints(table));
        return $"CREATE TABLE {Quote(table.Name)} ({string.Join(", ", items)})";
    }

    private static IEnumerable<string> Constraints(VacolsTable table)
    {
        if (table.PrimaryKey.Count > 0)
        {
            yield return $"PRIMARY KEY ({string.Join(", ", table.PrimaryKey.Select(Quote))})";
        }

        foreach (var unique in table.UniqueConstraints)
        {
            yield return $"UNIQUE ({string.Join(", ", unique.Select(Quote))})";
        }
    }

    private static List<VacolsTable> Choose(IReadOnlyCollection<string>? names)
    {
        if (names is null)
        {
            return [.. Tables];
        }

        return names.Select(Table).ToList();
    }

    private static void AppendCsv(StringBuilder line, string?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            if (row[i] is { } value)
            {
                line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
        }

        line.Append('\n');
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

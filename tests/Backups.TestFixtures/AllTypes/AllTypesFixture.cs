using Microsoft.Data.Sqlite;
using Npgsql;

namespace Backups.TestFixtures.AllTypes;

/// <summary>
/// A table named <c>all_types</c> with a column of every supported type holding nasty values (NULL and
/// empty, Unicode with emoji and combining marks, 0x00 bytes, 40-digit numerics, NaN, negative zero,
/// extreme dates, microseconds, JSON, arrays with NULL elements, ...), in PostgreSQL and in SQLite,
/// plus the exact canonical CLR values a source must read back. Column <c>id</c> (1, 2, ...) is the key.
/// </summary>
public static class AllTypesFixture
{
    public const string TableName = "all_types";

    /// <summary>The PostgreSQL columns after <c>id integer PRIMARY KEY</c>.</summary>
    public static IReadOnlyList<AllTypesColumn> PostgresColumns => PostgresAllTypes.Columns;

    /// <summary>The SQLite columns after <c>id INTEGER PRIMARY KEY</c>.</summary>
    public static IReadOnlyList<AllTypesColumn> SqliteColumns => SqliteAllTypes.Columns;

    public static int RowCount(IReadOnlyList<AllTypesColumn> columns) => columns.Max(c => c.Values.Count);

    /// <summary>Expected rows: id first (int for PostgreSQL, long for SQLite), then each column's value.</summary>
    public static IReadOnlyList<object?[]> ExpectedRows(IReadOnlyList<AllTypesColumn> columns, bool idIsInt64)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return Enumerable.Range(1, RowCount(columns))
            .Select(id => new object?[] { idIsInt64 ? (object)(long)id : id }
                .Concat(columns.Select(c => id <= c.Values.Count ? c.Values[id - 1].Expected : null))
                .ToArray())
            .ToList();
    }

    /// <summary>Creates the supporting types and the table in <paramref name="schema"/>, and inserts the rows.</summary>
    public static async Task CreatePostgresAsync(string connectionString, string schema = "public", CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var statements = new List<string>
        {
            $"CREATE SCHEMA IF NOT EXISTS \"{schema}\"",
            $"SET search_path = \"{schema}\"",
            "CREATE TYPE all_types_mood AS ENUM ('sad', 'happy')",
            "CREATE DOMAIN all_types_amount AS numeric(7,2) CHECK (VALUE >= 0)",
            "CREATE DOMAIN all_types_code AS char(3)",
            Create(PostgresColumns, "id integer PRIMARY KEY"),
        };
        statements.AddRange(Inserts(PostgresColumns));
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Creates (or replaces) an SQLite file holding the table.</summary>
    public static void CreateSqlite(string path)
    {
        File.Delete(path);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var sql in Inserts(SqliteColumns).Prepend(Create(SqliteColumns, "id INTEGER PRIMARY KEY")))
        {
            using var command = new SqliteCommand(sql, connection, transaction);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static string Create(IReadOnlyList<AllTypesColumn> columns, string id) =>
        $"CREATE TABLE {TableName} ({id}, {string.Join(", ", columns.Select(c => $"{c.Name} {c.DeclaredType}".TrimEnd()))})";

    private static IEnumerable<string> Inserts(IReadOnlyList<AllTypesColumn> columns) =>
        Enumerable.Range(1, RowCount(columns)).Select(id =>
            $"INSERT INTO {TableName} (id, {string.Join(", ", columns.Select(c => c.Name))}) VALUES ({id}, "
            + string.Join(", ", columns.Select(c => id <= c.Values.Count ? c.Values[id - 1].Literal : "NULL")) + ")");
}

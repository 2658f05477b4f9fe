using Microsoft.Data.Sqlite;
using Npgsql;

namespace Backups.IntegrationTests.Support;

/// <summary>Direct SQL against the test databases, independent of the product's source code.</summary>
internal static class Sql
{
    public static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(string connection, string schema, string table)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{schema}\".\"{table}\"", db);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static long CountSqlite(string path, string table)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        db.Open();
        using var command = new SqliteCommand($"SELECT count(*) FROM \"{table}\"", db);
        return (long)command.ExecuteScalar()!;
    }
}

using Npgsql;

namespace Backups.Restore.Tests.Support;

/// <summary>Small SQL helpers for assertions.</summary>
internal static class Db
{
    public static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every ordinary table of <paramref name="schema"/> and a checksum of its rows: md5 of the rows' text forms, sorted.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ChecksumsAsync(string connection, string schema)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @s AND c.relkind = 'r' ORDER BY 1", db))
        {
            list.Parameters.AddWithValue("s", schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            sums[table] = await ChecksumAsync(db, schema, table);
        }

        return sums;
    }

    public static async Task<string> ChecksumAsync(string connection, string schema, string table, string where = "true")
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        return await ChecksumAsync(db, schema, table, where);
    }

    public static async Task<long> CountAsync(string connection, string schema, string table) =>
        await ScalarAsync<long>(connection, $"SELECT count(*) FROM \"{schema}\".\"{table}\"");

    private static async Task<string> ChecksumAsync(NpgsqlConnection db, string schema, string table, string where = "true")
    {
        await using var command = new NpgsqlCommand(
            $"SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) || ':' || count(*) FROM \"{schema}\".\"{table}\" t WHERE {where}", db);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

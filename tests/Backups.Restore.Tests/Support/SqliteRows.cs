using Microsoft.Data.Sqlite;

namespace Backups.Restore.Tests.Support;

/// <summary>What an SQLite file holds, read independently of the product: every row of a table as (storage class, value) pairs.</summary>
internal static class SqliteRows
{
    /// <summary>Every row ordered by <paramref name="orderBy"/>, each column as its <c>typeof()</c> and its value rendered exactly.</summary>
    public static IReadOnlyList<string> Dump(string path, string table, string orderBy = "rowid")
    {
        using var db = Open(path);
        var columns = new List<string>();
        using (var info = new SqliteCommand($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid", db))
        using (var reader = info.ExecuteReader())
        {
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var select = string.Join(", ", columns.Select(c => $"typeof(\"{c}\"), \"{c}\""));
        using var command = new SqliteCommand($"SELECT {select} FROM \"{table}\" ORDER BY {orderBy}", db);
        using var rows = command.ExecuteReader();
        var result = new List<string>();
        while (rows.Read())
        {
            var cells = new List<string>();
            for (var i = 0; i < columns.Count; i++)
            {
                var type = rows.GetString(2 * i);
                var value = rows.GetValue((2 * i) + 1);
                cells.Add($"{columns[i]}={type}:{Render(value)}");
            }

            result.Add(string.Join(" | ", cells));
        }

        return result;
    }

    public static void Execute(string path, string sql)
    {
        using var db = Open(path, readOnly: false);
        using var command = new SqliteCommand(sql, db);
        command.ExecuteNonQuery();
    }

    private static string Render(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string s => "'" + s + "'",
        _ => value.ToString()!,
    };

    private static SqliteConnection Open(string path, bool readOnly = true)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ConnectionString);
        db.Open();
        return db;
    }
}

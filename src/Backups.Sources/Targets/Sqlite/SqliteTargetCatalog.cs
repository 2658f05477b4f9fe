using System.Text;
using Backups.Domain.Schema;
using Backups.Sources.Sqlite;
using Microsoft.Data.Sqlite;

namespace Backups.Sources.Targets.Sqlite;

/// <summary>What an SQLite target holds, and the DDL that creates a snapshot table in it.</summary>
internal static class SqliteTargetCatalog
{
    /// <summary>Table names in SQLite are case-insensitive: <c>brieff</c> finds <c>BRIEFF</c>.</summary>
    public static TableState Inspect(SqliteConnection connection, SqliteTransaction? transaction, string table)
    {
        using (var exists = new SqliteCommand(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = @t COLLATE NOCASE", connection, transaction))
        {
            exists.Parameters.AddWithValue("@t", table);
            if ((long)exists.ExecuteScalar()! == 0)
            {
                return new TableState(null, table, false, []);
            }
        }

        var raw = new List<(string Name, string Type, bool NotNull, bool HasDefault, int Pk, int Hidden)>();
        using (var command = new SqliteCommand(
            "SELECT name, type, \"notnull\", dflt_value IS NOT NULL, pk, hidden FROM pragma_table_xinfo(@t) ORDER BY cid", connection, transaction))
        {
            command.Parameters.AddWithValue("@t", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                raw.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0, reader.GetInt64(3) != 0, reader.GetInt32(4), reader.GetInt32(5)));
            }
        }

        // An INTEGER PRIMARY KEY is the rowid: an insert that leaves it out gets a new value.
        var keys = raw.Count(c => c.Pk > 0);
        var columns = raw.Where(c => c.Hidden != 1).Select(c => new TargetColumn(
            c.Name,
            c.Type,
            !c.NotNull,
            c.HasDefault || (keys == 1 && c.Pk == 1 && string.Equals(c.Type, "INTEGER", StringComparison.OrdinalIgnoreCase)),
            c.Hidden is 2 or 3)).ToList();
        return new TableState(null, table, true, columns);
    }

    public static string CreateTable(TableSchema table, Func<ColumnSchema, string> type)
    {
        var items = table.Columns.Select(c =>
        {
            var declared = type(c);
            return $"{SqliteSql.Ident(c.Name)}{(declared.Length > 0 ? " " + declared : "")}{(c.IsNullable ? "" : " NOT NULL")}";
        }).ToList();
        if (table.PrimaryKey.Count > 0)
        {
            items.Add($"PRIMARY KEY ({string.Join(", ", table.PrimaryKey.Select(SqliteSql.Ident))})");
        }

        items.AddRange(table.UniqueConstraints.Select(u => $"UNIQUE ({string.Join(", ", u.Select(SqliteSql.Ident))})"));
        return new StringBuilder("CREATE TABLE ").Append(SqliteSql.Ident(table.Name))
            .Append(" (").AppendJoin(", ", items).Append(')').ToString();
    }

    public static string Insert(TableSchema table, string tableName) =>
        $"INSERT INTO {SqliteSql.Ident(tableName)} ({string.Join(", ", table.Columns.Select(c => SqliteSql.Ident(c.Name)))}) "
        + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
}

using Backups.Domain.Schema;
using Microsoft.Data.Sqlite;

namespace Backups.Sources.Sqlite;

/// <summary>Reads table definitions through SQLite's table-valued pragmas, inside the snapshot's read transaction.</summary>
internal static class SqliteCatalog
{
    private static readonly string[] RowidNames = ["rowid", "_rowid_", "oid"];

    /// <summary>User tables of the main database: name and whether it has a rowid.</summary>
    public static IReadOnlyList<(string Name, bool WithoutRowid)> ListTables(SqliteConnection connection)
    {
        const string sql = """
            SELECT name, wr FROM pragma_table_list
            WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
            ORDER BY name
            """;
        var result = new List<(string, bool)>();
        using var command = new SqliteCommand(sql, connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add((reader.GetString(0), reader.GetInt64(1) != 0));
        }

        return result;
    }

    public static SqliteTable Describe(SqliteConnection connection, string table, bool withoutRowid)
    {
        var raw = new List<(string Name, string Declared, bool NotNull, int PkOrder)>();
        using (var command = new SqliteCommand("SELECT name, type, \"notnull\", pk FROM pragma_table_info(@t) ORDER BY cid", connection))
        {
            command.Parameters.AddWithValue("@t", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                raw.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0, reader.GetInt32(3)));
            }
        }

        var untyped = raw.Where(c => SqliteTypeMapper.Rule(c.Declared) is null).Select(c => c.Name).ToList();
        var storage = untyped.Count == 0 ? [] : StorageClasses(connection, table, untyped);
        var columns = raw.Select(c =>
        {
            var rule = SqliteTypeMapper.Rule(c.Declared) ?? SqliteTypeMapper.FromStorage(table, c.Name, storage[c.Name]);
            var (precision, scale, maxLength) = SqliteTypeMapper.Modifiers(c.Declared, rule);
            // A primary key column may still hold NULL in SQLite unless it is the rowid or declared NOT NULL.
            var schema = new ColumnSchema(c.Name, c.Declared, SqliteTypeMapper.Kind(rule), !c.NotNull, precision, scale, maxLength);
            return new SqliteColumn(schema, rule);
        }).ToList();

        var primaryKey = raw.Where(c => c.PkOrder > 0).OrderBy(c => c.PkOrder).Select(c => c.Name).ToList();
        var unique = UniqueConstraints(connection, table);
        var rowidAlias = withoutRowid
            ? null
            : RowidNames.FirstOrDefault(n => !raw.Any(c => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase)));
        return new SqliteTable(new TableSchema(null, table, columns.Select(c => c.Schema).ToList(), primaryKey, unique), columns, rowidAlias);
    }

    private static Dictionary<string, IReadOnlyCollection<string>> StorageClasses(SqliteConnection connection, string table, List<string> columns)
    {
        var select = string.Join(", ", columns.Select(c => $"group_concat(DISTINCT typeof({SqliteSql.Ident(c)}))"));
        using var command = new SqliteCommand($"SELECT {select} FROM {SqliteSql.Ident(table)}", connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        var result = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var classes = reader.IsDBNull(i) ? "" : reader.GetString(i);
            result[columns[i]] = classes.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(c => c != "null").ToList();
        }

        return result;
    }

    private static List<IReadOnlyList<string>> UniqueConstraints(SqliteConnection connection, string table)
    {
        var indexes = new List<string>();
        using (var command = new SqliteCommand("SELECT name FROM pragma_index_list(@t) WHERE \"unique\" = 1 AND origin = 'u' ORDER BY name", connection))
        {
            command.Parameters.AddWithValue("@t", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add(reader.GetString(0));
            }
        }

        var result = new List<IReadOnlyList<string>>();
        foreach (var index in indexes)
        {
            using var command = new SqliteCommand("SELECT name FROM pragma_index_info(@i) ORDER BY seqno", connection);
            command.Parameters.AddWithValue("@i", index);
            using var reader = command.ExecuteReader();
            var columns = new List<string>();
            var expression = false;
            while (reader.Read())
            {
                if (reader.IsDBNull(0))
                {
                    expression = true;
                }
                else
                {
                    columns.Add(reader.GetString(0));
                }
            }

            if (!expression)
            {
                result.Add(columns);
            }
        }

        return result;
    }
}

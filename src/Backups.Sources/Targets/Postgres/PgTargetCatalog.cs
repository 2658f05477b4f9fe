using System.Text;
using Backups.Domain.Schema;
using Backups.Sources.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Backups.Sources.Targets.Postgres;

/// <summary>What a PostgreSQL target holds, and the DDL that creates a snapshot table in it.</summary>
internal static class PgTargetCatalog
{
    public static async Task<TableState> InspectAsync(NpgsqlConnection connection, string schema, string table, CancellationToken ct)
    {
        const string sql = """
            SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relname = @table AND c.relkind IN ('r', 'p')
            """;
        uint? oid;
        await using (var command = new NpgsqlCommand(sql, connection))
        {
            command.Parameters.AddWithValue("schema", schema);
            command.Parameters.AddWithValue("table", table);
            oid = await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is uint found ? found : null;
        }

        if (oid is null)
        {
            return new TableState(schema, table, false, []);
        }

        const string columnsSql = """
            SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
                   a.atthasdef OR a.attidentity <> '', a.attgenerated <> ''
            FROM pg_catalog.pg_attribute a
            WHERE a.attrelid = @oid AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """;
        var columns = new List<TargetColumn>();
        await using (var command = new NpgsqlCommand(columnsSql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter("oid", NpgsqlDbType.Oid) { Value = oid.Value });
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                columns.Add(new TargetColumn(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4)));
            }
        }

        return new TableState(schema, table, true, columns);
    }

    public static async Task<bool> SchemaExistsAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = @schema)", connection);
        command.Parameters.AddWithValue("schema", schema);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is true;
    }

    /// <summary>The type texts that name no type in the target (e.g. an enum or domain of the source not created here).</summary>
    public static async Task<IReadOnlySet<string>> MissingTypesAsync(NpgsqlConnection connection, IReadOnlyCollection<string> types, CancellationToken ct)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in types.Distinct(StringComparer.Ordinal))
        {
            await using var command = new NpgsqlCommand("SELECT pg_catalog.to_regtype(@type) IS NULL", connection);
            command.Parameters.AddWithValue("type", type);
            try
            {
                if (await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is true)
                {
                    missing.Add(type);
                }
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.SyntaxError or PostgresErrorCodes.InvalidParameterValue
                or PostgresErrorCodes.InvalidSchemaName or PostgresErrorCodes.UndefinedObject)
            {
                missing.Add(type);
            }
        }

        return missing;
    }

    public static string CreateTable(TableSchema table, string schema, Func<ColumnSchema, string> type, bool withKeys = true)
    {
        var items = table.Columns.Select(c => $"{PgSql.Ident(c.Name)} {type(c)}{(c.IsNullable ? "" : " NOT NULL")}").ToList();
        if (withKeys)
        {
            items.AddRange(Keys(table));
        }

        return new StringBuilder("CREATE TABLE ").Append(PgSql.Qualified(schema, table.Name))
            .Append(" (").AppendJoin(", ", items).Append(')').ToString();
    }

    /// <summary>The ALTER TABLE that adds the table's primary key and unique constraints, or null when it has none.</summary>
    public static string? AddKeys(TableSchema table, string schema)
    {
        var keys = Keys(table).ToList();
        return keys.Count == 0 ? null : $"ALTER TABLE {PgSql.Qualified(schema, table.Name)} {string.Join(", ", keys.Select(k => "ADD " + k))}";
    }

    private static IEnumerable<string> Keys(TableSchema table)
    {
        if (table.PrimaryKey.Count > 0)
        {
            yield return $"PRIMARY KEY ({string.Join(", ", table.PrimaryKey.Select(PgSql.Ident))})";
        }

        foreach (var unique in table.UniqueConstraints)
        {
            yield return $"UNIQUE ({string.Join(", ", unique.Select(PgSql.Ident))})";
        }
    }
}

using Backups.Domain.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Backups.Sources.Postgres;

/// <summary>
/// Reads table and column definitions from pg_catalog. Runs inside the snapshot transaction, so it
/// describes the tables as they were when the snapshot was taken.
/// </summary>
internal static class PgCatalog
{
    public static async Task<IReadOnlyList<string>> ListSchemasAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = """
            SELECT nspname FROM pg_catalog.pg_namespace
            WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'
            ORDER BY nspname
            """;
        var result = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    /// <summary>Ordinary tables (and partitions) of a schema: OID, name and planner row estimate.</summary>
    public static async Task<IReadOnlyList<(uint Oid, string Name, long? Estimate)>> ListTablesAsync(
        NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        const string sql = """
            SELECT c.oid, c.relname, c.reltuples
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind = 'r'
            ORDER BY c.relname
            """;
        var result = new List<(uint, string, long?)>();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", schema);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var tuples = reader.GetFloat(2);
            result.Add((reader.GetFieldValue<uint>(0), reader.GetString(1), tuples < 0 ? null : (long)tuples));
        }

        return result;
    }

    public static async Task<IReadOnlyList<PgTable>> DescribeAsync(
        NpgsqlConnection connection, string schema, IReadOnlyList<(uint Oid, string Name, long? Estimate)> tables, CancellationToken ct)
    {
        var oids = tables.Select(t => t.Oid).ToArray();
        var columns = await ReadColumnsAsync(connection, oids, ct).ConfigureAwait(false);
        var types = await ReadTypesAsync(connection, columns.Select(c => c.TypeOid).Distinct().ToArray(), ct).ConfigureAwait(false);
        var constraints = await ReadConstraintsAsync(connection, oids, ct).ConfigureAwait(false);

        var result = new List<PgTable>(tables.Count);
        foreach (var (oid, name, estimate) in tables)
        {
            var qualified = $"{schema}.{name}";
            var pgColumns = columns
                .Where(c => c.Table == oid)
                .Select(c =>
                {
                    var baseType = types[c.TypeOid];
                    var type = baseType with
                    {
                        FormattedType = c.Formatted,
                        TypeModifier = c.TypeModifier >= 0 ? c.TypeModifier : baseType.TypeModifier,
                    };
                    return PgTypeMapper.Map(qualified, c.Name, c.NotNull, type);
                })
                .ToList();
            var mine = constraints.Where(k => k.Table == oid).ToList();
            var primaryKey = mine.FirstOrDefault(k => k.Type == 'p').Columns ?? [];
            IReadOnlyList<IReadOnlyList<string>> unique = mine.Where(k => k.Type == 'u').Select(k => (IReadOnlyList<string>)k.Columns).ToList();
            var tableSchema = new TableSchema(schema, name, pgColumns.Select(c => c.Schema).ToList(), primaryKey, unique);
            result.Add(new PgTable(oid, tableSchema, pgColumns, estimate));
        }

        return result;
    }

    private static async Task<List<(uint Table, string Name, string Formatted, bool NotNull, uint TypeOid, int TypeModifier)>> ReadColumnsAsync(
        NpgsqlConnection connection, uint[] oids, CancellationToken ct)
    {
        const string sql = """
            SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atttypid, a.atttypmod
            FROM pg_catalog.pg_attribute a
            WHERE a.attrelid = ANY(@oids) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """;
        var result = new List<(uint, string, string, bool, uint, int)>();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter("oids", NpgsqlDbType.Array | NpgsqlDbType.Oid) { Value = oids });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            result.Add((reader.GetFieldValue<uint>(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3),
                reader.GetFieldValue<uint>(4), reader.GetInt32(5)));
        }

        return result;
    }

    /// <summary>Resolves each type OID through any chain of domains to its base type.</summary>
    private static async Task<Dictionary<uint, PgTypeInfo>> ReadTypesAsync(NpgsqlConnection connection, uint[] typeOids, CancellationToken ct)
    {
        const string sql = """
            WITH RECURSIVE chain(root, oid, typmod, depth) AS (
                SELECT t.oid, t.oid, -1, 0 FROM pg_catalog.pg_type t WHERE t.oid = ANY(@types)
                UNION ALL
                SELECT c.root, t.typbasetype, CASE WHEN c.typmod = -1 THEN t.typtypmod ELSE c.typmod END, c.depth + 1
                FROM chain c JOIN pg_catalog.pg_type t ON t.oid = c.oid
                WHERE t.typtype = 'd')
            SELECT DISTINCT ON (c.root)
                   c.root, b.oid, b.typname::text, bn.nspname::text, b.typtype::text, b.typcategory::text,
                   CASE WHEN en.nspname = 'pg_catalog' THEN e.typname::text END, e.typtype::text, c.typmod, c.depth > 0
            FROM chain c
            JOIN pg_catalog.pg_type b ON b.oid = c.oid
            JOIN pg_catalog.pg_namespace bn ON bn.oid = b.typnamespace
            LEFT JOIN pg_catalog.pg_type e ON b.typcategory = 'A' AND e.oid = b.typelem
            LEFT JOIN pg_catalog.pg_namespace en ON en.oid = e.typnamespace
            ORDER BY c.root, c.depth DESC
            """;
        var result = new Dictionary<uint, PgTypeInfo>();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Oid) { Value = typeOids });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            result[reader.GetFieldValue<uint>(0)] = new PgTypeInfo(
                FormattedType: "",
                BaseOid: reader.GetFieldValue<uint>(1),
                BaseName: reader.GetString(2),
                BaseSchema: reader.GetString(3),
                TypType: reader.GetString(4)[0],
                Category: reader.GetString(5)[0],
                ElementName: reader.IsDBNull(6) ? null : reader.GetString(6),
                ElementTypType: reader.IsDBNull(7) ? null : reader.GetString(7)[0],
                TypeModifier: reader.GetInt32(8),
                IsDomain: reader.GetBoolean(9));
        }

        return result;
    }

    private static async Task<List<(uint Table, char Type, string[] Columns)>> ReadConstraintsAsync(
        NpgsqlConnection connection, uint[] oids, CancellationToken ct)
    {
        const string sql = """
            SELECT con.conrelid, con.contype::text, array_agg(a.attname::text ORDER BY k.ord)
            FROM pg_catalog.pg_constraint con
            CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
            WHERE con.conrelid = ANY(@oids) AND con.contype IN ('p', 'u')
            GROUP BY con.conrelid, con.contype, con.conname
            ORDER BY con.conrelid, con.conname
            """;
        var result = new List<(uint, char, string[])>();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter("oids", NpgsqlDbType.Array | NpgsqlDbType.Oid) { Value = oids });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            result.Add((reader.GetFieldValue<uint>(0), reader.GetString(1)[0], reader.GetFieldValue<string[]>(2)));
        }

        return result;
    }
}

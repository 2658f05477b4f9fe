using System.Text;

namespace Backups.Sources.Postgres;

/// <summary>
/// The SELECT that streams one table: every column projected so that it reads exactly, rows in
/// primary-key order. When the table has date or time columns, a leading check column is non-null
/// for a row holding a value without a CLR representation (infinity, BC, year 10000+, 24:00:00):
/// an array of column name, value and row key, so the error can say exactly where.
/// </summary>
internal static class PgTableQuery
{
    public static string Build(PgTable table) => Build(table, null);

    /// <summary>The query, restricted to the rows matching <paramref name="filter"/> (a condition on <c>src</c>) when given.</summary>
    public static string Build(PgTable table, string? filter)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sql = new StringBuilder("SELECT ");
        if (HasRangeCheck(table))
        {
            sql.Append(RangeCheck(table)).Append(", ");
        }

        sql.AppendJoin(", ", table.Columns.Select(c => c.Projection));
        sql.Append(" FROM ONLY ").Append(PgSql.Qualified(table.Schema.Schema!, table.Schema.Name)).Append(" AS src");
        if (filter is not null)
        {
            sql.Append(" WHERE ").Append(filter);
        }

        if (table.Schema.PrimaryKey.Count > 0)
        {
            // Qualified, so that ORDER BY sorts by the stored column, never by a same-named projection cast to text.
            sql.Append(" ORDER BY ").AppendJoin(", ", table.Schema.PrimaryKey.Select(k => "src." + PgSql.Ident(k)));
        }

        return sql.ToString();
    }

    public static bool HasRangeCheck(PgTable table) => table.Columns.Any(c => c.NeedsRangeCheck);

    private static string RangeCheck(PgTable table)
    {
        var key = table.Schema.PrimaryKey.Count > 0
            ? "'key (' || concat_ws(', ', " + string.Join(", ", table.Schema.PrimaryKey.Select(k => PgSql.Ident(k) + "::text")) + ") || ')'"
            : "'ctid ' || ctid::text";
        var sql = new StringBuilder("CASE");
        foreach (var column in table.Columns.Where(c => c.NeedsRangeCheck))
        {
            var ident = PgSql.Ident(column.Schema.Name);
            var condition = column.ReadAs switch
            {
                PgReadAs.Date => $"{ident} < '0001-01-01'::date OR {ident} >= '10000-01-01'::date",
                PgReadAs.Timestamp => $"{ident} < '0001-01-01 00:00:00'::timestamp OR {ident} >= '10000-01-01 00:00:00'::timestamp",
                PgReadAs.TimestampTz => $"{ident} < '0001-01-01 00:00:00+00'::timestamptz OR {ident} >= '10000-01-01 00:00:00+00'::timestamptz",
                _ => $"{ident} = '24:00:00'::time",
            };
            sql.Append(" WHEN ").Append(condition)
                .Append(" THEN ARRAY[").Append(PgSql.Literal(column.Schema.Name)).Append(", ")
                .Append(ident).Append("::text, ").Append(key).Append(']');
        }

        return sql.Append(" END").ToString();
    }

    public static SourceValueException OutOfRange(PgTable table, string[] problem) =>
        new(table.Schema.QualifiedName, problem[0], problem[2],
            $"value {problem[1]} has no exact .NET representation (DateOnly/DateTime cover years 1 to 9999, TimeOnly stops before 24:00). "
            + "Exclude the table or change the value.");
}

namespace Backups.Sources.Postgres;

/// <summary>Quoting of identifiers and literals for SQL text built here.</summary>
internal static class PgSql
{
    public static string Ident(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Qualified(string schema, string name) => Ident(schema) + "." + Ident(name);
}

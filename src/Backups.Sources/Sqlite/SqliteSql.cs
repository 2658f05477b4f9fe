namespace Backups.Sources.Sqlite;

/// <summary>Identifier quoting for SQL text built here.</summary>
internal static class SqliteSql
{
    public static string Ident(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

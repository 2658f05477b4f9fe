namespace Backups.Operations.Query;

/// <summary>A result as CSV (RFC 4180): a header line, fields quoted when they hold a comma, quote or line break; NULL is an empty field.</summary>
public sealed class QueryCsvWriter(TextWriter output) : IQuerySink
{
    public void Begin(IReadOnlyList<QueryColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        output.Write(string.Join(",", columns.Select(c => Field(c.Name))) + "\r\n");
    }

    public void Row(object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        output.Write(string.Join(",", values.Select(v => v is null ? "" : Field(QueryValues.Text(v)))) + "\r\n");
    }

    public void End(long rows)
    {
    }

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

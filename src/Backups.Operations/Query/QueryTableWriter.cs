namespace Backups.Operations.Query;

/// <summary>A result as an aligned text table (rows are held until the end to size the columns), then a row count.</summary>
public sealed class QueryTableWriter(TextWriter output) : IQuerySink
{
    private const int MaxWidth = 60;
    private readonly List<string[]> _rows = [];
    private IReadOnlyList<QueryColumn> _columns = [];

    public void Begin(IReadOnlyList<QueryColumn> columns) => _columns = columns;

    public void Row(object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _rows.Add([.. values.Select(v => v is null ? "NULL" : Cut(QueryValues.Text(v).ReplaceLineEndings("\\n")))]);
    }

    public void End(long rows)
    {
        var widths = _columns.Select((c, i) => Math.Max(c.Name.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", _columns.Select((c, i) => c.Name.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            output.WriteLine(string.Join("  ", row.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
        }

        output.WriteLine($"({rows} row{(rows == 1 ? "" : "s")})");
    }

    private static string Cut(string text) => text.Length <= MaxWidth ? text : text[..(MaxWidth - 3)] + "...";
}

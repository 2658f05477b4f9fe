using System.Globalization;
using System.Text;
using Backups.Domain.Schema;

namespace Backups.Operations.Diff;

/// <summary>
/// SQLite literals: numbers bare, text in '' (control characters spliced in with <c>char(n)</c> so that every
/// statement stays on one line), blobs as X'..', null-safe comparison with <c>IS</c>. SQLite infers no types from
/// casts, so none are written.
/// </summary>
internal sealed class SqliteRepairDialect : RepairDialect
{
    public override IReadOnlyList<string> Preamble { get; } = [];

    public override string Table(string? schema, string name) => Ident(name);

    public override string Literal(DiffColumn column, object? value, bool typed)
    {
        ArgumentNullException.ThrowIfNull(column);
        return value switch
        {
            null => "NULL",
            bool b => b ? "1" : "0",
            short or int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
            float f when float.IsFinite(f) => f.ToString("R", CultureInfo.InvariantCulture),
            byte[] bytes => $"X'{Convert.ToHexString(bytes)}'",
            string s when column.Kind == ColumnKind.Decimal && ValueFormat.IsPlainNumber(s) => s,
            _ => Text(ValueFormat.Text(value)!),
        };
    }

    public override string Holds(DiffColumn column, object? value) => $"{Ident(column.Name)} IS {Literal(column, value, typed: false)}";

    private static string Text(string text)
    {
        var parts = new List<string>();
        var run = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                if (run.Length > 0)
                {
                    parts.Add("'" + run.Replace("'", "''") + "'");
                    run.Clear();
                }

                parts.Add($"char({((int)c).ToString(CultureInfo.InvariantCulture)})");
            }
            else
            {
                run.Append(c);
            }
        }

        if (run.Length > 0 || parts.Count == 0)
        {
            parts.Add("'" + run.Replace("'", "''") + "'");
        }

        return string.Join(" || ", parts);
    }
}

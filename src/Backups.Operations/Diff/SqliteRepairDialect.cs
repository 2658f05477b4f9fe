using System.Globalization;
using System.Text;
using Backups.Domain.Schema;

namespace Backups.Operations.Diff;

/// <summary>
/// SQLite literals: numbers bare, text in '' (control characters spliced in with <c>char(n)</c> so that every
/// statement stays on one line), blobs as X'..', null-safe comparison with <c>IS</c>. SQLite infers no types from
/// casts, so none are written. The sqlite3 client prints nothing for an UPDATE, so each one is followed by a SELECT
/// that names the row when it was left alone.
/// </summary>
internal sealed class SqliteRepairDialect : RepairDialect
{
    public override IReadOnlyList<string> Preamble { get; } = [];

    public override string Table(string? schema, string name) => Ident(name);

    public override string ApplyCommand(string script, string? database) => $"sqlite3 -bail {database ?? "DATABASE_FILE"} < {script}";

    public override string LeftAloneNote => "the script then prints 'left alone, changed since the diff:' and its key";

    /// <summary>sqlite3 prints nothing for an UPDATE: a SELECT that returns a row only when the UPDATE changed none names it.</summary>
    public override string AfterUpdate(string keyCondition) =>
        $"SELECT {Text("left alone, changed since the diff: " + keyCondition)} WHERE changes() = 0;";

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
            // SQLite has no infinity literal; a number too large for a double is read as one (and stored as REAL).
            double d when double.IsPositiveInfinity(d) => "9e999",
            double d when double.IsNegativeInfinity(d) => "-9e999",
            float f when float.IsPositiveInfinity(f) => "9e999",
            float f when float.IsNegativeInfinity(f) => "-9e999",
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

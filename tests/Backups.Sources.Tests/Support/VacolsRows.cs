using System.Globalization;
using Backups.TestFixtures.Vacols;

namespace Backups.Sources.Tests.Support;

/// <summary>Compares rows read from a VACOLS table with the fixture's CSV rows.</summary>
internal static class VacolsRows
{
    /// <summary>
    /// Each row as one comparable line: text as is, numbers as exact decimals, timestamps and SQLite
    /// date text as <c>yyyy-MM-dd HH:mm:ss</c>; columns the CSV does not fill are NULL.
    /// </summary>
    public static List<string> Expected(VacolsTable table) =>
        table.Rows.Select(row => Line(table.Columns.Select(c =>
        {
            var index = table.CsvColumns.ToList().IndexOf(c.Name);
            return index < 0 || row[index] is null ? null : Canonical(c, row[index]!);
        }))).Order(StringComparer.Ordinal).ToList();

    public static List<string> Actual(VacolsTable table, IEnumerable<object?[]> rows) =>
        rows.Select(row => Line(row.Select((v, i) => v switch
        {
            null => null,
            DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            string s => Canonical(table.Columns[i], s),
            _ => throw new InvalidOperationException($"Unexpected {v.GetType()} in {table.Name}.{table.Columns[i].Name}"),
        }))).Order(StringComparer.Ordinal).ToList();

    private static string Canonical(VacolsColumn column, string value) => column.Oracle.Type switch
    {
        "NUMBER" => decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("G29", CultureInfo.InvariantCulture) is var d && d.Contains('.', StringComparison.Ordinal)
            ? d.TrimEnd('0').TrimEnd('.')
            : d,
        "DATE" => value.Length == 10 ? value + " 00:00:00" : value,
        _ => value,
    };

    private static string Line(IEnumerable<string?> values) => string.Join("\u241f", values.Select(v => v ?? "\u2400"));
}

using System.Globalization;

namespace Backups.TestFixtures.Vacols;

/// <summary>
/// New primary-key values for the copies made when a table is scaled up: a text key column gets a
/// prefix naming the copy (<c>1~</c>, <c>2~</c>, ... in base 36) when its length allows; otherwise a
/// numeric key column is offset by a multiple of one more than its largest value, when its precision allows.
/// </summary>
internal sealed class VacolsKeys
{
    private readonly int column;
    private readonly Func<string, int, string> rekey;

    private VacolsKeys(int column, Func<string, int, string> rekey)
    {
        this.column = column;
        this.rekey = rekey;
    }

    public static VacolsKeys? For(VacolsTable table, int scale)
    {
        if (scale <= 1 || table.PrimaryKey.Count == 0)
        {
            return null;
        }

        var prefixLength = Base36(scale - 1).Length + 1;
        foreach (var key in table.PrimaryKey)
        {
            var index = table.CsvColumns.ToList().IndexOf(key);
            var column = table.Column(key);
            var values = table.Rows.Select(r => r[index]!).ToList();
            if (column.Oracle.Type == "VARCHAR2"
                && values.All(v => !v.Contains('~', StringComparison.Ordinal) && v.Length + prefixLength <= column.Oracle.Length))
            {
                return new VacolsKeys(index, (v, copy) => Base36(copy) + "~" + v);
            }

            if (column.Oracle is { Type: "NUMBER", Scale: null or 0, Precision: { } precision })
            {
                var numbers = values.Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToList();
                var stride = numbers.Max() + 1;
                if (numbers.Min() >= 0 && (decimal)stride * scale <= (decimal)Math.Pow(10, precision))
                {
                    return new VacolsKeys(index, (v, copy) => (long.Parse(v, CultureInfo.InvariantCulture) + (copy * stride)).ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        throw new InvalidOperationException(
            $"VACOLS table {table.Name} cannot be scaled {scale}x: none of its key columns ({string.Join(", ", table.PrimaryKey)}) has room for new keys. "
            + "Use a smaller scale or leave the table out.");
    }

    /// <summary>Row <paramref name="row"/> of copy <paramref name="copy"/> (copy 0 is the original).</summary>
    public static string?[] Copy(VacolsKeys? keys, string?[] row, int copy)
    {
        if (copy == 0 || keys is null)
        {
            return row;
        }

        var result = (string?[])row.Clone();
        result[keys.column] = keys.rekey(row[keys.column]!, copy);
        return result;
    }

    private static string Base36(int value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var text = "";
        do
        {
            text = digits[value % 36] + text;
            value /= 36;
        }
        while (value > 0);
        return text;
    }
}

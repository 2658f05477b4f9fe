using System.Text;

namespace Backups.TestFixtures;

/// <summary>
/// RFC 4180 CSV: comma-separated, fields optionally quoted with <c>"</c> (doubled inside), quoted fields
/// may span lines. An empty field, quoted or not, is NULL (the fixtures' convention, as in Oracle).
/// </summary>
public static class CsvFile
{
    /// <summary>The header and the records of a file.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<string?[]> Rows) Read(string path)
    {
        var records = Parse(File.ReadAllText(path, Encoding.UTF8));
        if (records.Count == 0)
        {
            throw new InvalidDataException($"{path} has no header line.");
        }

        var header = records[0].Select(h => h ?? "").ToList();
        var rows = records.Skip(1).ToList();
        var ragged = rows.FindIndex(r => r.Length != header.Count);
        return ragged < 0
            ? (header, rows)
            : throw new InvalidDataException($"{path}: record {ragged + 1} has {rows[ragged].Length} fields, the header {header.Count}.");
    }

    public static List<string?[]> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<string?[]>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new InvalidDataException("Unterminated quoted CSV field.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                continue;
            }

            var c = text[i];
            if (c == ',')
            {
                fields.Add(Take(field));
                i++;
            }
            else if (c is '\r' or '\n')
            {
                fields.Add(Take(field));
                records.Add([.. fields]);
                fields.Clear();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            }
            else
            {
                field.Append(c);
                i++;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(Take(field));
            records.Add([.. fields]);
        }

        return records;
    }

    private static string? Take(StringBuilder field)
    {
        var value = field.Length == 0 ? null : field.ToString();
        field.Clear();
        return value;
    }
}

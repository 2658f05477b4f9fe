using System.Globalization;
using System.Text.RegularExpressions;

namespace Backups.TestFixtures.Vacols;

/// <summary>Parses the CREATE TABLE statements of an Oracle DDL export (as DBMS_METADATA writes them).</summary>
public static partial class OracleDdl
{
    public static IReadOnlyList<OracleTable> Parse(string ddl)
    {
        ArgumentNullException.ThrowIfNull(ddl);
        var tables = new List<OracleTable>();
        foreach (Match create in CreateTable().Matches(ddl))
        {
            var open = create.Index + create.Length - 1;
            var close = MatchingParen(ddl, open);
            var items = SplitTopLevel(ddl[(open + 1)..close]);
            var columns = new List<OracleColumn>();
            var primaryKey = new List<string>();
            var unique = new List<IReadOnlyList<string>>();
            foreach (var item in items)
            {
                if (Constraint().Match(item) is { Success: true } constraint)
                {
                    var names = QuotedName().Matches(constraint.Groups["columns"].Value).Select(m => m.Groups[1].Value).ToList();
                    if (constraint.Groups["kind"].Value.StartsWith("PRIMARY", StringComparison.OrdinalIgnoreCase))
                    {
                        primaryKey = names;
                    }
                    else
                    {
                        unique.Add(names);
                    }

                    continue;
                }

                var column = Column().Match(item);
                if (!column.Success)
                {
                    throw new FormatException($"Table {create.Groups["name"].Value}: cannot parse '{item}'.");
                }

                columns.Add(ParseColumn(column));
            }

            tables.Add(new OracleTable(create.Groups["name"].Value, columns, primaryKey, unique));
        }

        return tables;
    }

    private static OracleColumn ParseColumn(Match column)
    {
        var type = column.Groups["type"].Value.ToUpperInvariant();
        var args = column.Groups["args"].Success
            ? column.Groups["args"].Value.Split(',', StringSplitOptions.TrimEntries)
            : [];
        int? Arg(int i) => i < args.Length
            ? args[i] == "*" ? 38 : int.Parse(args[i].Split(' ')[0], CultureInfo.InvariantCulture)
            : null;
        var notNull = column.Groups["rest"].Value.Contains("NOT NULL", StringComparison.OrdinalIgnoreCase);
        return type switch
        {
            "NUMBER" or "FLOAT" => new OracleColumn(column.Groups["name"].Value, type, null, Arg(0), Arg(1), notNull),
            _ => new OracleColumn(column.Groups["name"].Value, type, Arg(0), null, null, notNull),
        };
    }

    private static int MatchingParen(string text, int open)
    {
        var depth = 0;
        var quoted = false;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"' or '\'':
                    quoted = !quoted;
                    break;
                case '(' when !quoted:
                    depth++;
                    break;
                case ')' when !quoted:
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        throw new FormatException("Unbalanced parentheses in CREATE TABLE.");
    }

    private static List<string> SplitTopLevel(string body)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '(')
            {
                depth++;
            }
            else if (body[i] == ')')
            {
                depth--;
            }
            else if (body[i] == ',' && depth == 0)
            {
                items.Add(body[start..i].Trim());
                start = i + 1;
            }
        }

        items.Add(body[start..].Trim());
        return items.Where(i => i.Length > 0).ToList();
    }

    [GeneratedRegex(@"CREATE\s+TABLE\s+(?:""\w+""\.)?""(?<name>[^""]+)""\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^(?:CONSTRAINT\s+""[^""]+""\s+)?(?<kind>PRIMARY\s+KEY|UNIQUE)\s*\((?<columns>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex Constraint();

    [GeneratedRegex(@"^""(?<name>[^""]+)""\s+(?<type>\w+)(?:\s*\((?<args>[^)]*)\))?(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Column();

    [GeneratedRegex(@"""([^""]+)""")]
    private static partial Regex QuotedName();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Backups.TestFixtures.Vacols;

/// <summary>Reads the VACOLS fixture files into <see cref="VacolsTable"/>s.</summary>
internal static partial class VacolsModel
{
    /// <summary>The 13 tables with sample rows: CSV file → table.</summary>
    public static readonly IReadOnlyList<(string Csv, string Table)> Files =
    [
        ("Case.csv", "BRIEFF"), ("Folder.csv", "FOLDER"), ("Correspondent.csv", "CORRES"), ("Representative.csv", "REP"),
        ("Staff.csv", "STAFF"), ("CaseIssue.csv", "ISSUES"), ("CaseHearing.csv", "HEARSCHED"), ("Decass.csv", "DECASS"),
        ("Note.csv", "ASSIGN"), ("Actcode.csv", "ACTCODE"), ("Issref.csv", "ISSREF"), ("Vftypes.csv", "VFTYPES"),
        ("TravelBoardSchedule.csv", "TBSCHED"),
    ];

    public static IReadOnlyList<VacolsTable> Load(string directory)
    {
        var ddl = OracleDdl.Parse(File.ReadAllText(Path.Combine(directory, "tables.oracle.sql")))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        return Files.Select(f => Build(ddl[f.Table], Path.Combine(directory, f.Csv))).ToList();
    }

    private static VacolsTable Build(OracleTable oracle, string csvPath)
    {
        var (header, rawRows) = CsvFile.Read(csvPath);
        var csvColumns = header.Select(h => h.ToLowerInvariant()).ToList();
        var byName = oracle.Columns.ToDictionary(c => c.Name.ToLowerInvariant(), StringComparer.Ordinal);
        var unknown = csvColumns.Where(c => !byName.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"{csvPath} has columns that {oracle.Name} does not declare: {string.Join(", ", unknown)}.");
        }

        var rows = rawRows.Select(r => r.Select((v, i) => Normalize(v, byName[csvColumns[i]])).ToArray()).ToList();
        // BRIEFF declares no primary key in the Oracle export; BFKEY identifies a case.
        var primaryKey = (oracle.PrimaryKey.Count > 0 ? oracle.PrimaryKey : oracle.Name == "BRIEFF" ? ["BFKEY"] : [])
            .Select(k => k.ToLowerInvariant()).ToList();
        var columns = oracle.Columns.Select(c =>
        {
            var name = c.Name.ToLowerInvariant();
            var index = csvColumns.IndexOf(name);
            var longest = index < 0 ? 0 : rows.Max(r => r[index] is { } v ? Length(v) : 0);
            var length = c.Length is { } declared && longest > declared ? longest : c.Length;
            return new VacolsColumn(name, c, PostgresType(c, length), SqliteType(c, length), c.NotNull || primaryKey.Contains(name), length != c.Length);
        }).ToList();
        var unique = oracle.UniqueConstraints.Select(u => (IReadOnlyList<string>)u.Select(k => k.ToLowerInvariant()).ToList()).ToList();
        return new VacolsTable(oracle.Name.ToLowerInvariant(), Path.GetFileName(csvPath), columns, primaryKey, unique, csvColumns, rows);
    }

    private static string? Normalize(string? value, OracleColumn column) =>
        value is not null && column.Type == "DATE" && DateValue().Match(value) is { Success: true } date
            ? date.Groups["value"].Value
            : value;

    private static string PostgresType(OracleColumn c, int? length) => c.Type switch
    {
        "VARCHAR2" or "NVARCHAR2" or "VARCHAR" => $"varchar({length})",
        "CHAR" or "NCHAR" => $"char({length})",
        "NUMBER" => Number("numeric", c),
        "FLOAT" => "double precision",
        "DATE" or "TIMESTAMP" => "timestamp",
        "CLOB" or "NCLOB" or "LONG" => "text",
        "BLOB" or "RAW" => "bytea",
        _ => throw new NotSupportedException($"Oracle type {c.Type} of {c.Name} has no PostgreSQL mapping here."),
    };

    private static string SqliteType(OracleColumn c, int? length) => c.Type switch
    {
        "VARCHAR2" or "NVARCHAR2" or "VARCHAR" => $"VARCHAR({length})",
        "CHAR" or "NCHAR" => $"CHAR({length})",
        "NUMBER" => Number("NUMERIC", c),
        "FLOAT" => "REAL",
        "DATE" or "TIMESTAMP" => "DATE",
        "CLOB" or "NCLOB" or "LONG" => "TEXT",
        "BLOB" or "RAW" => "BLOB",
        _ => throw new NotSupportedException($"Oracle type {c.Type} of {c.Name} has no SQLite mapping here."),
    };

    private static string Number(string name, OracleColumn c) => c.Precision is { } p
        ? string.Create(CultureInfo.InvariantCulture, $"{name}({p},{c.Scale ?? 0})")
        : name;

    [GeneratedRegex(@"^(?<value>\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?)(?: UTC)?$")]
    private static partial Regex DateValue();

    private static int Length(string text) => text.EnumerateRunes().Count();
}

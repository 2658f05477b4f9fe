namespace Backups.TestFixtures.Vacols;

/// <summary>A VACOLS table of the fixture with its sample rows.</summary>
/// <param name="Name">Lower-case table name.</param>
/// <param name="CsvFile">The sample file the rows come from.</param>
/// <param name="PrimaryKey">Lower-case key columns: as the Oracle DDL declares, or BFKEY for BRIEFF (none declared).</param>
/// <param name="CsvColumns">Lower-case columns the CSV fills, in CSV order (a subset of <paramref name="Columns"/>).</param>
/// <param name="Rows">Sample rows in CSV column order; null is NULL; dates as <c>YYYY-MM-DD[ HH:MM:SS]</c>.</param>
public sealed record VacolsTable(
    string Name,
    string CsvFile,
    IReadOnlyList<VacolsColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<IReadOnlyList<string>> UniqueConstraints,
    IReadOnlyList<string> CsvColumns,
    IReadOnlyList<string?[]> Rows)
{
    public VacolsColumn Column(string name) => Columns.Single(c => c.Name == name);
}

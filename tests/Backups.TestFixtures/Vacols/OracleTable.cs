namespace Backups.TestFixtures.Vacols;

/// <summary>An Oracle CREATE TABLE statement: columns, primary key and unique constraints.</summary>
public sealed record OracleTable(
    string Name,
    IReadOnlyList<OracleColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<IReadOnlyList<string>> UniqueConstraints);

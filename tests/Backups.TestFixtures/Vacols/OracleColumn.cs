namespace Backups.TestFixtures.Vacols;

/// <summary>A column of an Oracle CREATE TABLE statement.</summary>
/// <param name="Name">As declared (upper case).</param>
/// <param name="Type">VARCHAR2, CHAR, NUMBER, DATE, CLOB, BLOB, ...</param>
/// <param name="Length">VARCHAR2/CHAR length.</param>
/// <param name="Precision">NUMBER precision (<c>*</c> is 38).</param>
/// <param name="Scale">NUMBER scale.</param>
public sealed record OracleColumn(string Name, string Type, int? Length, int? Precision, int? Scale, bool NotNull);

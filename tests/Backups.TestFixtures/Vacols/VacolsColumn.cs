namespace Backups.TestFixtures.Vacols;

/// <summary>A VACOLS column as the fixture creates it.</summary>
/// <param name="Name">Lower-case name used in PostgreSQL and SQLite.</param>
/// <param name="Oracle">The column as the Oracle DDL declares it.</param>
/// <param name="PostgresType">PostgreSQL type, e.g. <c>varchar(12)</c>, <c>numeric(38,0)</c>, <c>timestamp</c>.</param>
/// <param name="SqliteType">SQLite declared type, e.g. <c>VARCHAR(12)</c>, <c>NUMERIC(38,0)</c>, <c>DATE</c>.</param>
/// <param name="NotNull">Declared NOT NULL or part of the primary key.</param>
/// <param name="Widened">
/// True when the synthetic sample rows hold longer text than Oracle declares, so the fixture widens the
/// column to fit instead of truncating data.
/// </param>
public sealed record VacolsColumn(string Name, OracleColumn Oracle, string PostgresType, string SqliteType, bool NotNull, bool Widened);

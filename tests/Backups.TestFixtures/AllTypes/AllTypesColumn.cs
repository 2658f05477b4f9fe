using Backups.Domain.Schema;

namespace Backups.TestFixtures.AllTypes;

/// <summary>A column of the all-types table.</summary>
/// <param name="Name">Column name.</param>
/// <param name="DeclaredType">The type in CREATE TABLE.</param>
/// <param name="SourceType">How the database reports the type (PostgreSQL: format_type; SQLite: the declared type).</param>
/// <param name="Kind">The kind a source must map it to.</param>
/// <param name="Values">Values of rows 1, 2, ...; rows past the end hold NULL.</param>
public sealed record AllTypesColumn(string Name, string DeclaredType, string SourceType, ColumnKind Kind, IReadOnlyList<AllTypesValue> Values);

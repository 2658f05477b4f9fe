namespace Backups.Sources.Targets;

/// <summary>A column of an existing target table.</summary>
/// <param name="Name">Exactly as the target spells it.</param>
/// <param name="Type">
/// The exact type text: PostgreSQL <c>format_type</c> (e.g. <c>character varying(40)</c>), SQLite the declared type.
/// </param>
/// <param name="IsNullable">Whether NULL is allowed.</param>
/// <param name="HasDefault">Whether an insert that leaves the column out gets a value (a default, an identity, a generated value).</param>
/// <param name="IsGenerated">Whether the column is computed by the database and cannot be written.</param>
public sealed record TargetColumn(string Name, string Type, bool IsNullable, bool HasDefault, bool IsGenerated);

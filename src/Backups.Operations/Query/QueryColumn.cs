namespace Backups.Operations.Query;

/// <summary>A result column: its name and DuckDB type.</summary>
public sealed record QueryColumn(string Name, string Type);

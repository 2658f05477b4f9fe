namespace Backups.TestFixtures.AllTypes;

/// <summary>One stored value: the SQL expression that inserts it and the canonical CLR value a source must read back.</summary>
public sealed record AllTypesValue(string Literal, object? Expected);

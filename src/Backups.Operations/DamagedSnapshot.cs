namespace Backups.Operations;

/// <summary>A snapshot whose manifest exists but cannot be read or does not match its checksum: reported, never used.</summary>
/// <param name="Id">The snapshot directory's name.</param>
/// <param name="Key">The object at fault (the manifest or its checksum file).</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record DamagedSnapshot(string Id, string Key, string Problem);

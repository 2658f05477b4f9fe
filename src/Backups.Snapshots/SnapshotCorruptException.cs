namespace Backups.Snapshots;

/// <summary>A stored object does not match what the manifest records (size, SHA-256, row count or columns).</summary>
public sealed class SnapshotCorruptException(string key, string expected, string actual)
    : Exception($"object '{key}' is corrupt: expected {expected}, found {actual}")
{
    /// <summary>The object key.</summary>
    public string Key { get; } = key;

    /// <summary>What the manifest records, e.g. <c>SHA-256 3f2a...</c>.</summary>
    public string Expected { get; } = expected;

    /// <summary>What the object holds.</summary>
    public string Actual { get; } = actual;
}

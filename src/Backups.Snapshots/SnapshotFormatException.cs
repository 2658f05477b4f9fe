namespace Backups.Snapshots;

/// <summary>A manifest (or its checksum file) cannot be understood: not JSON, missing fields, or a format version this library does not read.</summary>
public sealed class SnapshotFormatException(string key, string problem, Exception? inner = null)
    : Exception($"'{key}' is not a readable snapshot manifest: {problem}", inner)
{
    /// <summary>The object key of the manifest.</summary>
    public string Key { get; } = key;

    /// <summary>What is wrong, without the key.</summary>
    public string Problem { get; } = problem;
}

namespace Backups.Operations;

/// <summary>What to snapshot and where to: resolved from a policy plus the operator's overrides.</summary>
/// <param name="PolicyName">Recorded in the manifest and the catalog.</param>
/// <param name="SourceKind"><c>postgres</c>, <c>sqlite</c> or <c>oracle</c>.</param>
/// <param name="SourceConnection">Connection string with secrets already resolved from the environment.</param>
/// <param name="Schema">Schema to read (PostgreSQL default <c>public</c>).</param>
/// <param name="Include">Table patterns (<c>*</c> wildcards); empty for all.</param>
/// <param name="Exclude">Table patterns to leave out.</param>
/// <param name="StoreUrl">Where the snapshot goes.</param>
/// <param name="Parallelism">Tables read and written at once.</param>
public sealed record SnapshotRequest(
    string PolicyName,
    string SourceKind,
    string SourceConnection,
    string? Schema,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    string StoreUrl,
    int Parallelism)
{
    /// <summary>Free-form labels for the manifest.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Part size threshold; the writer's default when null.</summary>
    public long? PartSizeBytes { get; init; }

    /// <summary>Directory for temporary part files; the system's when null.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>The policy's S3 settings for an <c>s3://</c> store (endpoint, region, encryption); the environment's when null.</summary>
    public Domain.Policies.S3Spec? StoreS3 { get; init; }
}

using Backups.Domain.Policies;

namespace Backups.Operations.Service;

/// <summary>Turns a policy into the request the snapshot use case takes.</summary>
public static class SnapshotRequests
{
    /// <summary>
    /// The request for one snapshot of <paramref name="policy"/>. The policy must have been loaded with an
    /// environment, so that its connection string and store URL hold values rather than <c>${VAR}</c> references.
    /// </summary>
    /// <param name="policy">A policy whose <c>${VAR}</c> references are resolved.</param>
    /// <param name="tempDirectory">Where part files are staged (<c>$BACKUPS_TEMP</c>); the system's when null.</param>
    public static SnapshotRequest FromPolicy(Policy policy, string? tempDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new SnapshotRequest(
            policy.Name,
            policy.Source.Kind.Name(),
            policy.Source.Connection,
            policy.Source.Schema,
            // "*" alone means every table, which the source reads as an empty include list.
            policy.Source.Tables.Contains("*") ? [] : policy.Source.Tables,
            policy.Source.Exclude,
            policy.StoreUrl,
            policy.Parallelism)
        {
            TempDirectory = tempDirectory,
            StoreS3 = policy.StoreS3,
        };
    }
}

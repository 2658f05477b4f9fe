namespace Backups.Operations.Retention;

/// <summary>What <see cref="RetentionExecutor.ApplyAsync(RetentionExecutionPlan, Backups.Storage.IObjectStore, Backups.Catalog.IAuditSink, bool, Backups.Catalog.SnapshotCatalog?, CancellationToken)"/> did.</summary>
public sealed record RetentionApplyResult
{
    /// <summary>True when a guard refused the plan: nothing at all was changed (no resume either).</summary>
    public bool Refused { get; init; }

    /// <summary>Why it was refused (empty otherwise).</summary>
    public IReadOnlyList<string> RefusalReasons { get; init; } = [];

    /// <summary>Snapshots expired by this run's plan, in order.</summary>
    public IReadOnlyList<string> Expired { get; init; } = [];

    /// <summary>Expiries begun by an earlier run (an <c>intent</c> without <c>done</c>) that this run finished first.</summary>
    public IReadOnlyList<string> Resumed { get; init; } = [];

    /// <summary>Expiries abandoned because the snapshot was pinned after the intent was recorded.</summary>
    public IReadOnlyList<string> Abandoned { get; init; } = [];

    /// <summary>Planned expiries whose snapshot was already gone (e.g. the plan was applied before): nothing done, nothing audited.</summary>
    public IReadOnlyList<string> AlreadyGone { get; init; } = [];

    /// <summary>Planned expiries skipped because the snapshot was pinned after planning.</summary>
    public IReadOnlyList<string> SkippedPinned { get; init; } = [];

    /// <summary>Incomplete snapshots whose objects were deleted as garbage.</summary>
    public IReadOnlyList<string> GarbageDeleted { get; init; } = [];

    /// <summary>Objects deleted, all actions together.</summary>
    public long ObjectsDeleted { get; init; }

    /// <summary>Bytes deleted, all actions together (sizes as listed before deleting).</summary>
    public long BytesDeleted { get; init; }

    /// <summary>True when the store was changed at all.</summary>
    public bool Changed => Expired.Count + Resumed.Count + Abandoned.Count + GarbageDeleted.Count > 0;
}

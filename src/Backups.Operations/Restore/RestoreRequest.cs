namespace Backups.Operations.Restore;

/// <summary>A restore as the operator asked for it.</summary>
/// <param name="StoreUrl">The store holding the snapshot.</param>
/// <param name="Snapshot">Which snapshot (an id or a point in time).</param>
/// <param name="TargetKind"><c>postgres</c> or <c>sqlite</c>.</param>
/// <param name="TargetConnection">The target's connection string (the database must exist; SQLite creates the file).</param>
public sealed record RestoreRequest(string StoreUrl, SnapshotPointer Snapshot, string TargetKind, string TargetConnection)
{
    /// <summary>Tables to restore (<c>NAME</c> or <c>SCHEMA.NAME</c>); null for every table of the snapshot.</summary>
    public IReadOnlyList<string>? Tables { get; init; }

    /// <summary>The schema every table goes into; null keeps the snapshot's schema (PostgreSQL).</summary>
    public string? Schema { get; init; }

    public RestoreMode Mode { get; init; } = RestoreMode.Create;

    /// <summary>Whether <see cref="Mode"/> was given explicitly (restoring into the source requires it).</summary>
    public bool ModeGiven { get; init; }

    /// <summary><c>--into-source</c>: the operator knows the target is the snapshot's own source.</summary>
    public bool IntoSource { get; init; }

    /// <summary><c>--yes</c>: confirms <see cref="IntoSource"/>.</summary>
    public bool Confirmed { get; init; }

    /// <summary>Plan and check only; change nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Tables loaded at once, each over its own connection (SQLite targets always use one).</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Where table files are downloaded before loading; the system temporary directory when null.</summary>
    public string? TempDirectory { get; init; }
}

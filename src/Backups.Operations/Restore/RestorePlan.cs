using Backups.Sources.Targets;

namespace Backups.Operations.Restore;

/// <summary>
/// A checked restore, ready to run: the snapshot chosen, the target (connected, its identity checked against the
/// snapshot's source) and every change it will make, in order. Disposing closes the store and the target.
/// </summary>
public sealed class RestorePlan : IAsyncDisposable
{
    internal RestorePlan(
        RestoreRequest request, ResolvedSnapshot snapshot, StoreHandle store, ITargetSession session, bool intoSource, IReadOnlyList<RestoreTablePlan> tables)
    {
        Request = request;
        Snapshot = snapshot;
        Store = store;
        Session = session;
        IntoSource = intoSource;
        Tables = tables;
        Target = TargetNames.Describe(session.Identity);
    }

    public ResolvedSnapshot Snapshot { get; }

    /// <summary>The target, e.g. <c>postgres 127.0.0.1:5432/spare</c>.</summary>
    public string Target { get; }

    /// <summary>Whether the target is the snapshot's own source (allowed only with --into-source --yes --tables --mode).</summary>
    public bool IntoSource { get; }

    /// <summary>Every change, in the order a sequential restore makes them.</summary>
    public IReadOnlyList<RestoreAction> Actions => [.. Tables.SelectMany(t => t.Create is null ? [t.Load] : new[] { t.Create, t.Load })];

    /// <summary>Rows to load.</summary>
    public long Rows => Tables.Sum(t => t.Table.RowCount);

    /// <summary>Bytes of the snapshot files to download.</summary>
    public long Bytes => Tables.Sum(t => t.Bytes);

    internal RestoreRequest Request { get; }

    internal StoreHandle Store { get; }

    internal ITargetSession Session { get; }

    internal IReadOnlyList<RestoreTablePlan> Tables { get; }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        Store.Dispose();
    }
}

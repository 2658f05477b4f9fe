using Backups.Operations.Restore;
using Backups.Snapshots;
using Backups.Sources.Targets;
using NodaTime;

namespace Backups.Operations.Diff;

/// <summary>
/// The "which rows differ" use case: one table of a snapshot against the live database or a later snapshot,
/// matched by primary key (or <c>--key</c>), reporting rows changed (with old and new values per changed column),
/// added and removed to every sink as they are found.
/// </summary>
public sealed class Differ(IClock clock, Func<string, string?> environment)
{
    public Task<DiffSummary> RunAsync(DiffRequest request, IReadOnlyList<IDiffSink> sinks, CancellationToken cancellationToken) =>
        RunAsync(request, sinks, resolved: null, cancellationToken);

    /// <param name="resolved">Told which snapshot each side is, once chosen: the old side first, then a new side that is a snapshot.</param>
    public async Task<DiffSummary> RunAsync(DiffRequest request, IReadOnlyList<IDiffSink> sinks, Action<ResolvedSnapshot>? resolved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sinks);
        if (request.NewSnapshot is null == request.AgainstKind is null)
        {
            throw new OperationInputException("compare a snapshot with either --against KIND:CONNECTION or a second --snapshot ID (not both)");
        }

        using var store = StoreOpener.Open(request.StoreUrl, environment);
        var old = await SnapshotResolver.ResolveAsync(store.Store, request.Old, cancellationToken);
        resolved?.Invoke(old);
        var table = SnapshotTables.Find(old.Manifest, request.Table);
        await using var oldSide = await SnapshotDiffSide.OpenAsync(store.Store, old, table, request.TempDirectory, cancellationToken);
        await using var newSide = await OpenNewSideAsync(request, store, old.Manifest, table, resolved, cancellationToken);
        var schema = DiffSchemaBuilder.Build(oldSide.Schema, newSide.Schema, request.Key, request.Columns);

        HashSet<string>? scope = null;
        if (!string.IsNullOrWhiteSpace(request.Where))
        {
            scope = await oldSide.MatchingKeysAsync(request.Where, schema.Key, cancellationToken);
            scope.UnionWith(await newSide.MatchingKeysAsync(request.Where, schema.Key, cancellationToken));
        }

        var header = new DiffHeader(oldSide.Info, newSide.Info, schema, string.IsNullOrWhiteSpace(request.Where) ? null : request.Where, old.Manifest.ConsistencyPoint);
        foreach (var sink in sinks)
        {
            await sink.BeginAsync(header, cancellationToken);
        }

        var summary = await new TableDiffer(schema, scope, sinks).RunAsync(
            oldSide.ReadRowsAsync(cancellationToken), newSide.ReadRowsAsync(cancellationToken), cancellationToken);
        foreach (var sink in sinks)
        {
            await sink.EndAsync(summary, cancellationToken);
        }

        return summary;
    }

    private async Task<DiffSide> OpenNewSideAsync(
        DiffRequest request, StoreHandle store, Manifest old, ManifestTable table, Action<ResolvedSnapshot>? chosen, CancellationToken cancellationToken)
    {
        if (request.NewSnapshot is { } pointer)
        {
            var resolved = await SnapshotResolver.ResolveAsync(store.Store, pointer, cancellationToken);
            chosen?.Invoke(resolved);
            var newTable = resolved.Manifest.FindTable(table.Schema, table.Name)
                ?? throw new OperationInputException(
                    $"table {table.QualifiedName} is not in snapshot {resolved.Manifest.Id}; its tables: {SnapshotTables.Available(resolved.Manifest)}");
            return await SnapshotDiffSide.OpenAsync(store.Store, resolved, newTable, request.TempDirectory, cancellationToken);
        }

        var kind = TargetFactory.NormalizeKind(request.AgainstKind!);
        var schema = request.AgainstSchema
            ?? (kind == "sqlite" ? null : TargetFactory.NormalizeKind(old.Source.Kind) == kind ? table.Schema : null);
        return await LiveDiffSide.OpenAsync(kind, request.AgainstConnection!, schema, table.Name, clock.GetCurrentInstant(), cancellationToken);
    }
}

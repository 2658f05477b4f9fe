using System.CommandLine;
using System.Text.Json;
using Backups.Cli.Infrastructure;
using Backups.Operations.Control;
using Backups.Snapshots;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups pin ID --reason TEXT</c> and <c>backups unpin ID</c>: a pinned snapshot is never expired. Pins live in the
/// snapshot's store (<c>pins/&lt;id&gt;.json</c>); both commands are audited there.
/// </summary>
internal static class PinCommand
{
    public static Command Build(CliContext context)
    {
        var (id, store, catalog, json) = CommonOptions();
        var reason = new Option<string>("--reason") { Description = "Why it must be kept, e.g. 'last good before deploy 4521'", Required = true };
        var command = new Command("pin", "Pin a snapshot so that retention never expires it") { id, reason, store, catalog, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var snapshotId = ValidId(parse.GetValue(id)!);
            var why = parse.GetValue(reason)!;
            if (string.IsNullOrWhiteSpace(why))
            {
                throw new CliException("--reason: say why the snapshot must be kept");
            }
            var url = SnapshotLocator.StoreFor(context, snapshotId, parse.GetValue(store), parse.GetValue(catalog));
            using var handle = SnapshotLocator.Open(context, url);
            var pin = await new PinStore(handle.Store, context.Clock, AuditSinks.For(context, handle, parse.GetValue(catalog))).PinAsync(snapshotId, why, PruneCommand.Operator(context), cancellationToken);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(
                    new { id = pin.Id, store = handle.Url, pinned = true, reason = pin.Reason, pinnedAt = Formats.Instant(pin.PinnedAt), by = pin.By },
                    JsonOutput.Options));
            }
            else
            {
                context.Out.WriteLine($"pinned {pin.Id} in {handle.Url}: {pin.Reason}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command BuildUnpin(CliContext context)
    {
        var (id, store, catalog, json) = CommonOptions();
        var command = new Command("unpin", "Remove a snapshot's pin: retention may expire it again") { id, store, catalog, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var snapshotId = ValidId(parse.GetValue(id)!);
            var url = SnapshotLocator.StoreFor(context, snapshotId, parse.GetValue(store), parse.GetValue(catalog));
            using var handle = SnapshotLocator.Open(context, url);
            var removed = await new PinStore(handle.Store, context.Clock, AuditSinks.For(context, handle, parse.GetValue(catalog))).UnpinAsync(snapshotId, PruneCommand.Operator(context), cancellationToken);
            if (parse.GetValue(json))
            {
                var was = removed is null ? null : new { reason = removed.Reason, pinnedAt = Formats.Instant(removed.PinnedAt), by = removed.By };
                context.Out.WriteLine(JsonSerializer.Serialize(new { id = snapshotId, store = handle.Url, pinned = false, removed = was }, JsonOutput.Options));
            }
            else
            {
                context.Out.WriteLine(removed is null
                    ? $"{snapshotId} was not pinned; nothing changed"
                    : $"unpinned {snapshotId} in {handle.Url} (was pinned by {removed.By} at {Formats.Instant(removed.PinnedAt)}: {removed.Reason})");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static (Argument<string> Id, Option<string?> Store, Option<string?> Catalog, Option<bool> Json) CommonOptions() => (
        new Argument<string>("ID") { Description = "Snapshot id (see 'backups list')" },
        new Option<string?>("--store") { Description = "The store that holds it (default: where the catalog says it is)" },
        new Option<string?>("--catalog") { Description = "Catalog file (default $BACKUPS_CATALOG or ~/.local/share/backups/catalog.db)" },
        new Option<bool>("--json") { Description = "Print the result as JSON" });

    private static string ValidId(string id) =>
        SnapshotId.IsValid(id) ? id : throw new CliException($"'{id}' is not a snapshot id (expected e.g. 20261125T040000Z-1a2b3c4d; see 'backups list')");
}

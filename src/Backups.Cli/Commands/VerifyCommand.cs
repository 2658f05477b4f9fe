using System.CommandLine;
using System.Text.Json;
using Backups.Cli.Infrastructure;
using Backups.Operations;
using Backups.Snapshots;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups verify</c>: re-reads every object of one or all snapshots and checks sizes, SHA-256 and row
/// counts against the manifest. Exit 1, naming each bad object, on any mismatch.
/// </summary>
internal static class VerifyCommand
{
    public static Command Build(CliContext context)
    {
        var id = new Argument<string?>("ID") { Description = "Snapshot id to verify", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Verify every complete snapshot of the store" };
        var store = new Option<string?>("--store") { Description = "The store (s3://bucket/prefix, file:///path or a path); default: where the catalog says ID is" };
        var catalog = new Option<string?>("--catalog") { Description = "Catalog file (default $BACKUPS_CATALOG or ~/.local/share/backups/catalog.db)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("verify", "Re-read snapshots and check every object's size, SHA-256 and row count; exit 1 on any mismatch")
        {
            id, all, store, catalog, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var snapshotId = parse.GetValue(id);
            var verifyAll = parse.GetValue(all);
            if (snapshotId is null == !verifyAll)
            {
                throw new CliException("give a snapshot ID or --all (not both)");
            }
            if (snapshotId is not null && !SnapshotId.IsValid(snapshotId))
            {
                throw new CliException($"'{snapshotId}' is not a snapshot id (expected e.g. 20261125T040000Z-1a2b3c4d; see 'backups list')");
            }
            if (verifyAll && parse.GetValue(store) is null)
            {
                throw new CliException("--all needs --store URL");
            }
            var url = verifyAll ? parse.GetValue(store)! : SnapshotLocator.StoreFor(context, snapshotId!, parse.GetValue(store), parse.GetValue(catalog));
            using var handle = SnapshotLocator.Open(context, url);

            // Every directory with a manifest, read or not: a damaged manifest is a problem the verifier reports, not a reason to stop.
            IReadOnlyList<string> ids = verifyAll
                ? await CommittedIdsAsync(handle.Store, cancellationToken)
                : [snapshotId!];
            if (!verifyAll)
            {
                await ShowCommand.ReadManifest(handle.Store, snapshotId!, cancellationToken);
            }

            var verifier = new SnapshotVerifier(context.GetEnvironmentVariable("BACKUPS_TEMP"));
            var reports = new List<VerifyReport>();
            using (var line = new ProgressLine(context))
            {
                foreach (var each in ids)
                {
                    var progress = new SyncProgress<VerifyProgress>(p => line.Update(() => $"verifying {each}: {p.ObjectsDone}/{p.ObjectsTotal} objects, {Units.Bytes(p.BytesRead)}"));
                    var report = SnapshotId.IsValid(each)
                        ? await verifier.VerifyAsync(handle.Store, each, progress, cancellationToken)
                        : new VerifyReport(each, [new VerifyProblem(SnapshotKeys.Manifest(each), $"'{each}' is not a snapshot id: a manifest in a directory no snapshot would have")], 0, 0);
                    reports.Add(report);
                }
            }

            var bad = reports.Count(r => !r.IsIntact);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    ok = bad == 0,
                    store = handle.Url,
                    snapshots = reports.Select(r => new
                    {
                        id = r.SnapshotId,
                        ok = r.IsIntact,
                        objectsChecked = r.ObjectsChecked,
                        bytesChecked = r.BytesChecked,
                        problems = r.Problems.Select(p => new { key = p.Key, problem = p.Description }),
                    }),
                }, JsonOutput.Options));
            }
            else
            {
                foreach (var report in reports)
                {
                    if (report.IsIntact)
                    {
                        context.Out.WriteLine($"{report.SnapshotId}: ok ({report.ObjectsChecked} objects, {Units.Bytes(report.BytesChecked)})");
                        continue;
                    }
                    context.Out.WriteLine($"{report.SnapshotId}: FAILED ({report.Problems.Count} problems)");
                    foreach (var problem in report.Problems)
                    {
                        context.Out.WriteLine($"  {problem}");
                    }
                }
                if (reports.Count == 0)
                {
                    context.Out.WriteLine("no complete snapshots in this store");
                }
                else if (reports.Count > 1)
                {
                    context.Out.WriteLine($"{reports.Count - bad} of {reports.Count} snapshots intact");
                }
            }
            return bad == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task<IReadOnlyList<string>> CommittedIdsAsync(Storage.IObjectStore store, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var id in new SnapshotReader().ListSnapshotIdsAsync(store, cancellationToken))
        {
            ids.Add(id);
        }

        return ids;
    }
}

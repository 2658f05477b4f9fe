using System.CommandLine;
using System.Text.Json;
using Backups.Catalog;
using Backups.Cli.Infrastructure;
using Backups.Operations.Control;

namespace Backups.Cli.Commands;

/// <summary><c>backups audit</c>: the store's append-only audit log (expiries, garbage deletes, pins, pauses), oldest first.</summary>
internal static class AuditCommand
{
    public static Command Build(CliContext context)
    {
        var store = new Option<string?>("--store") { Description = "The store whose log to print (s3://bucket/prefix, file:///path or a path)" };
        var policy = new Option<string?>("--policy") { Description = "Or: the policy file whose store's log to print" };
        var since = new Option<string?>("--since") { Description = "Only entries at or after this ISO-8601 instant" };
        var full = new Option<bool>("--full") { Description = "With --json: also each entry's objects and before-state (e.g. the full manifest of an expired snapshot)" };
        var json = new Option<bool>("--json") { Description = "Print the entries as a JSON array" };
        var command = new Command("audit", "Print the store's audit log: time, phase, action, snapshot, detail") { store, policy, since, full, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var url = PruneCommand.ResolveStoreUrl(context, parse.GetValue(store), parse.GetValue(policy));
            var from = parse.GetValue(since) is { } text ? PruneCommand.ResolveNow(context, text, "--since") : (NodaTime.Instant?)null;
            using var handle = SnapshotLocator.Open(context, url);
            var entries = new List<AuditEntry>();
            await foreach (var entry in AuditLogReader.ReadAsync(handle.Store, from, cancellationToken))
            {
                entries.Add(entry);
            }

            if (parse.GetValue(json))
            {
                var withDetail = parse.GetValue(full);
                context.Out.WriteLine(JsonSerializer.Serialize(entries.Select(e => new
                {
                    at = Formats.Instant(e.At),
                    phase = e.Phase,
                    action = e.Action,
                    store = e.StoreUrl,
                    snapshot = e.SnapshotId,
                    detail = e.Detail,
                    objectCount = e.Objects.Count,
                    bytes = e.Objects.Sum(o => o.Size),
                    objects = withDetail ? e.Objects.Select(o => new { key = o.Key, size = o.Size, storageClass = o.StorageClass }) : null,
                    before = withDetail ? e.Before : null,
                }), JsonOutput.Options));
                return ExitCodes.Ok;
            }

            if (entries.Count == 0)
            {
                context.Out.WriteLine($"no audit entries in {handle.Url}{(from is { } f ? $" since {Formats.Instant(f)}" : "")}");
                return ExitCodes.Ok;
            }
            var rows = entries.Select(e => new[]
            {
                Formats.Instant(e.At), e.Phase, e.Action, e.SnapshotId ?? "-", e.Detail ?? (e.Objects.Count > 0 ? $"{e.Objects.Count} objects, {Units.Bytes(e.Objects.Sum(o => o.Size))}" : ""),
            }).ToList();
            string[] header = ["TIME", "PHASE", "ACTION", "SNAPSHOT", "DETAIL"];
            var widths = header.Select((h, i) => i == header.Length - 1 ? 0 : Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
            context.Out.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
            foreach (var row in rows)
            {
                context.Out.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}

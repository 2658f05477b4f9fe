using System.CommandLine;
using System.Text.Json;
using Backups.Catalog;
using Backups.Cli.Infrastructure;
using Backups.Operations.Control;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups audit</c>: the append-only audit log (expiries, garbage deletes, pins, pauses, policy reviews), oldest
/// first. Without <c>--store</c> or <c>--policy</c> the catalog's copy of every store's log is printed; with one of them,
/// that store's own log (the source of truth) is read.
/// </summary>
internal static class AuditCommand
{
    public static Command Build(CliContext context)
    {
        var store = new Option<string?>("--store") { Description = "Only this store's log, read from the store (s3://bucket/prefix, file:///path or a path)" };
        var policy = new Option<string?>("--policy") { Description = "Or: only the log of this policy file's store, read from the store" };
        var since = new Option<string?>("--since") { Description = "Only entries at or after this ISO-8601 instant" };
        var catalog = new Option<string?>("--catalog") { Description = "Catalog file read without --store (default $BACKUPS_CATALOG or ~/.local/share/backups/catalog.db)" };
        var full = new Option<bool>("--full") { Description = "With --json: also each entry's objects and before-state (e.g. the full manifest of an expired snapshot)" };
        var json = new Option<bool>("--json") { Description = "Print the entries as a JSON array" };
        var command = new Command("audit", "Print the audit log of every store the catalog knows (or of one store): time, phase, action, snapshot, detail")
        {
            store, policy, since, catalog, full, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var from = parse.GetValue(since) is { } text ? PruneCommand.ResolveNow(context, text, "--since") : (NodaTime.Instant?)null;
            var entries = new List<AuditEntry>();
            string where;
            if (parse.GetValue(store) is not null || parse.GetValue(policy) is not null)
            {
                var chosen = PruneCommand.ResolveStore(context, parse.GetValue(store), parse.GetValue(policy));
                using var handle = SnapshotLocator.Open(context, chosen);
                await foreach (var entry in AuditLogReader.ReadAsync(handle.Store, from, cancellationToken))
                {
                    entries.Add(entry);
                }
                where = handle.Url;
            }
            else
            {
                using var index = CatalogLocation.Open(context, parse.GetValue(catalog));
                entries.AddRange(index.Audit.List(null, from).Select(r => r.Entry));
                where = $"the catalog {index.Path}";
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
                context.Out.WriteLine($"no audit entries in {where}{(from is { } f ? $" since {Formats.Instant(f)}" : "")}");
                return ExitCodes.Ok;
            }
            WriteTable(context.Out, entries);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One line per entry; a STORE column when the entries come from more than one store.</summary>
    private static void WriteTable(TextWriter o, IReadOnlyList<AuditEntry> entries)
    {
        var stores = entries.Select(e => e.StoreUrl).Distinct(StringComparer.Ordinal).Count() > 1;
        var rows = entries.Select(e => (string[])[
            Formats.Instant(e.At), .. stores ? [e.StoreUrl] : Array.Empty<string>(), e.Phase, e.Action, e.SnapshotId ?? "-",
            e.Detail ?? (e.Objects.Count > 0 ? $"{e.Objects.Count} objects, {Units.Bytes(e.Objects.Sum(o => o.Size))}" : ""),
        ]).ToList();
        string[] header = ["TIME", .. stores ? ["STORE"] : Array.Empty<string>(), "PHASE", "ACTION", "SNAPSHOT", "DETAIL"];
        var widths = header.Select((h, i) => i == header.Length - 1 ? 0 : Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        o.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            o.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }
    }
}

using System.CommandLine;
using System.Text.Json;
using Backups.Catalog;
using Backups.Cli.Infrastructure;
using Backups.Operations;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups list</c>: the complete snapshots. With <c>--store</c> the store itself is read (the source of truth)
/// and the catalog refreshed from it; without, the catalog lists every store it knows. A snapshot whose manifest is
/// damaged is left out with a warning (and listed with <c>damaged: true</c> in <c>--json</c>); the others are listed.
/// </summary>
internal static class ListCommand
{
    public static Command Build(CliContext context)
    {
        var store = new Option<string?>("--store") { Description = "Read this store (s3://bucket/prefix, file:///path or a path) instead of the catalog" };
        var catalog = new Option<string?>("--catalog") { Description = "Catalog file (default $BACKUPS_CATALOG or ~/.local/share/backups/catalog.db)" };
        var json = new Option<bool>("--json") { Description = "Print the snapshots as a JSON array" };
        var command = new Command("list", "List complete snapshots, oldest first") { store, catalog, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var index = CatalogLocation.Open(context, parse.GetValue(catalog));
            IReadOnlyList<CatalogEntry> entries;
            IReadOnlyList<DamagedSnapshot> damaged = [];
            string? storeUrl = null;
            if (parse.GetValue(store) is { } url)
            {
                using var handle = StoreOpener.Open(url, context.GetEnvironmentVariable);
                var found = await CatalogRebuilder.RebuildReadableAsync(handle.Store, index, cancellationToken);
                entries = [.. found.Manifests.Select(m => CatalogEntries.From(handle.Url, m))];
                damaged = found.Damaged;
                storeUrl = handle.Url;
            }
            else
            {
                entries = index.List();
            }

            foreach (var bad in damaged)
            {
                await context.Error.WriteLineAsync(
                    $"backups: warning: snapshot {bad.Id} is damaged and left out: {bad.Problem} (see 'backups verify {bad.Id} --store {storeUrl}')");
            }

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(entries.Select(Json).Concat(damaged.Select(d => Damaged(d, storeUrl!))), JsonOutput.Options));
                return ExitCodes.Ok;
            }
            if (entries.Count == 0)
            {
                context.Out.WriteLine(parse.GetValue(store) is null
                    ? $"no snapshots in the catalog ({index.Path}); use --store URL to read a store"
                    : damaged.Count == 0 ? "no complete snapshots in this store" : $"no readable snapshots in this store ({damaged.Count} damaged)");
                return ExitCodes.Ok;
            }
            WriteTable(context, entries);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CliContext context, IReadOnlyList<CatalogEntry> entries)
    {
        var now = context.Clock.GetCurrentInstant();
        var rows = entries.Select(e => new[]
        {
            e.Id, Formats.Instant(e.Completed), Units.Age(now - e.Completed), e.Policy, e.Tables.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Units.Count(e.Rows), Units.Bytes(e.Bytes), e.StoreUrl,
        }).ToList();
        string[] header = ["ID", "COMPLETED", "AGE", "POLICY", "TABLES", "ROWS", "SIZE", "STORE"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        context.Out.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            context.Out.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }
        context.Out.WriteLine($"{entries.Count} snapshots, {Units.Bytes(entries.Sum(e => e.Bytes))}");
    }

    /// <summary>A damaged snapshot in <c>--json</c>: the same fields as the others (unknown ones null), <c>damaged</c> true, and what is wrong.</summary>
    internal static object Damaged(DamagedSnapshot d, string storeUrl) => new
    {
        id = d.Id,
        policy = (string?)null,
        store = storeUrl,
        startedAt = (string?)null,
        completedAt = (string?)null,
        source = (object?)null,
        tables = (int?)null,
        rows = (long?)null,
        bytes = (long?)null,
        consistencyPoint = (string?)null,
        damaged = true,
        key = d.Key,
        problem = d.Problem,
    };

    internal static object Json(CatalogEntry e) => new
    {
        id = e.Id,
        policy = e.Policy,
        store = e.StoreUrl,
        startedAt = Formats.Instant(e.Started),
        completedAt = Formats.Instant(e.Completed),
        source = new { kind = e.SourceKind, database = e.SourceDatabase },
        tables = e.Tables,
        rows = e.Rows,
        bytes = e.Bytes,
        consistencyPoint = e.ConsistencyPoint,
        damaged = false,
    };
}

using System.CommandLine;
using System.Text.Json;
using Backups.Cli.Infrastructure;
using Backups.Operations;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups catalog rebuild</c>: recreate a store's catalog entries from the store alone: its snapshots, and the
/// catalog's copy of its audit log (the entries the catalog lacks are copied; the copy is append-only). Snapshots
/// whose manifest is damaged are left out of the index and reported; the others are indexed.
/// </summary>
internal static class CatalogCommand
{
    public static Command Build(CliContext context)
    {
        var store = new Option<string>("--store") { Description = "The store to read (s3://bucket/prefix, file:///path or a path)", Required = true };
        var catalog = new Option<string?>("--catalog") { Description = "Catalog file (default $BACKUPS_CATALOG or ~/.local/share/backups/catalog.db)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var rebuild = new Command("rebuild", "Replace the catalog's entries for a store with the manifests the store holds, and copy the store's audit entries the catalog lacks (the store is the source of truth)")
        {
            store, catalog, json,
        };
        rebuild.SetAction(async (parse, cancellationToken) =>
        {
            using var index = CatalogLocation.Open(context, parse.GetValue(catalog));
            using var handle = SnapshotLocator.Open(context, parse.GetValue(store)!);
            var found = await CatalogRebuilder.RebuildReadableAsync(handle.Store, index, cancellationToken);
            var (entries, copied) = await CatalogAuditRebuilder.RebuildAsync(handle.Store, index, cancellationToken);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    store = handle.Url,
                    catalog = index.Path,
                    snapshots = found.Manifests.Count,
                    damaged = found.Damaged.Select(d => new { id = d.Id, key = d.Key, problem = d.Problem }),
                    auditEntries = entries,
                    auditEntriesCopied = copied,
                }, JsonOutput.Options));
            }
            else
            {
                context.Out.WriteLine($"catalog {index.Path}: {found.Manifests.Count} snapshots of {handle.Url}; {entries} audit entries ({copied} copied from the store)"
                    + (found.Damaged.Count == 0 ? "" : $"; {found.Damaged.Count} damaged snapshots left out:"));
                foreach (var bad in found.Damaged)
                {
                    context.Out.WriteLine($"  {bad.Id}: {bad.Problem} (see 'backups verify {bad.Id} --store {handle.Url}')");
                }
            }
            return ExitCodes.Ok;
        });
        return new Command("catalog", "Work with the snapshot catalog (an index rebuildable from the stores)") { rebuild };
    }
}

using System.CommandLine;
using Backups.Cli.Infrastructure;
using Backups.Snapshots;
using Backups.Storage;

namespace Backups.Cli.Commands;

/// <summary><c>backups show ID</c>: one snapshot's manifest: source, consistency point, tables, rows, sizes.</summary>
internal static class ShowCommand
{
    public static Command Build(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "Snapshot id (see 'backups list')" };
        var store = new Option<string?>("--store") { Description = "The store that holds it (default: where the catalog says it is)" };
        var catalog = new Option<string?>("--catalog") { Description = "Catalog file (default $BACKUPS_CATALOG or ~/.local/share/backups/catalog.db)" };
        var json = new Option<bool>("--json") { Description = "Print the manifest as JSON, exactly as stored" };
        var command = new Command("show", "Show one snapshot: where it came from, its consistency point and every table") { id, store, catalog, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var snapshotId = parse.GetValue(id)!;
            if (!SnapshotId.IsValid(snapshotId))
            {
                throw new CliException($"'{snapshotId}' is not a snapshot id (expected e.g. 20261125T040000Z-1a2b3c4d; see 'backups list')");
            }
            var url = SnapshotLocator.StoreFor(context, snapshotId, parse.GetValue(store), parse.GetValue(catalog));
            using var handle = SnapshotLocator.Open(context, url);
            if (parse.GetValue(json))
            {
                await using var raw = await OpenManifest(handle.Store, snapshotId, cancellationToken);
                using var reader = new StreamReader(raw);
                context.Out.WriteLine(await reader.ReadToEndAsync(cancellationToken));
                return ExitCodes.Ok;
            }

            var manifest = await ReadManifest(handle.Store, snapshotId, cancellationToken);
            var o = context.Out;
            o.WriteLine($"snapshot   {manifest.Id}");
            o.WriteLine($"policy     {manifest.Policy}");
            o.WriteLine($"store      {handle.Url}");
            o.WriteLine($"source     {string.Join(" ", new[] { manifest.Source.Kind, manifest.Source.Server, manifest.Source.Database, manifest.Source.ServerVersion }.Where(s => !string.IsNullOrEmpty(s)))}");
            if (manifest.Source.SystemIdentifier is { } sid)
            {
                o.WriteLine($"system id  {sid}");
            }
            o.WriteLine($"started    {Formats.Instant(manifest.StartedAt)}");
            o.WriteLine($"completed  {Formats.Instant(manifest.CompletedAt)} ({Units.Age(context.Clock.GetCurrentInstant() - manifest.CompletedAt)} ago)");
            o.WriteLine($"consistent {string.Join(" ", manifest.ConsistencyPoint.Select(p => $"{p.Key}={p.Value}"))}");
            foreach (var label in manifest.Labels)
            {
                o.WriteLine($"label      {label.Key}={label.Value}");
            }
            o.WriteLine($"totals     {manifest.Totals.Tables} tables, {Units.Count(manifest.Totals.Rows)} rows, {manifest.Totals.Parts} parts, {Units.Bytes(manifest.Totals.Bytes)}");
            o.WriteLine();
            var nameWidth = Math.Max(5, manifest.Tables.Max(t => t.QualifiedName.Length));
            o.WriteLine($"{"TABLE".PadRight(nameWidth)}  {"ROWS",12}  {"PARTS",5}  {"SIZE",10}  COLUMNS");
            foreach (var table in manifest.Tables)
            {
                o.WriteLine($"{table.QualifiedName.PadRight(nameWidth)}  {Units.Count(table.RowCount),12}  {table.Parts.Count,5}  {Units.Bytes(table.Parts.Sum(p => p.Size)),10}  {table.Columns.Count}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static async Task<Manifest> ReadManifest(IObjectStore store, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await new SnapshotReader().ReadManifestAsync(store, id, cancellationToken);
        }
        catch (ObjectNotFoundException)
        {
            throw new CliException($"unknown snapshot id '{id}': no committed manifest in {store.Url} (see 'backups list --store {store.Url}')");
        }
    }

    private static async Task<Stream> OpenManifest(IObjectStore store, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await store.OpenReadAsync(SnapshotKeys.Manifest(id), cancellationToken);
        }
        catch (ObjectNotFoundException)
        {
            throw new CliException($"unknown snapshot id '{id}': no committed manifest in {store.Url}");
        }
    }
}

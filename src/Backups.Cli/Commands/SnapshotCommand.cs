using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Backups.Cli.Infrastructure;
using Backups.Domain.Policies;
using Backups.Operations;
using Backups.Policies;
using Backups.Snapshots;

namespace Backups.Cli.Commands;

/// <summary><c>backups snapshot</c>: take one consistent snapshot of a policy's source into its store.</summary>
internal static class SnapshotCommand
{
    public static Command Build(CliContext context)
    {
        var policy = new Option<string>("--policy") { Description = "Policy file (YAML) naming the source, the tables and the store", Required = true };
        var source = new Option<string?>("--source") { Description = "Override the policy's source: KIND:CONNECTION, KIND one of postgres, sqlite, oracle" };
        var store = new Option<string?>("--store") { Description = "Override the policy's store: s3://bucket/prefix, file:///path or a path" };
        var catalog = new Option<string?>("--catalog") { Description = "Catalog file (default $BACKUPS_CATALOG or ~/.local/share/backups/catalog.db)" };
        var json = new Option<bool>("--json") { Description = "Print the new snapshot's summary as JSON" };
        var partSize = new Option<string?>("--part-size") { Description = "Start a new Parquet part once a table's part reaches this size (e.g. 256MiB, the default; 8MiB)" };
        var command = new Command("snapshot", "Take one consistent snapshot of the policy's source and store it; nothing is visible until it is complete")
        {
            policy, source, store, catalog, json, partSize,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = PolicyFiles.LoadOrThrow(context, parse.GetValue(policy)!, resolveEnvironment: false);
            var request = BuildRequest(context, loaded, parse.GetValue(source), parse.GetValue(store));
            if (parse.GetValue(partSize) is { } size)
            {
                request = request with { PartSizeBytes = ByteSizes.Parse(size, "--part-size") };
            }
            using var index = CatalogLocation.Open(context, parse.GetValue(catalog));

            var clock = Stopwatch.StartNew();
            Manifest manifest;
            using (var line = new ProgressLine(context))
            {
                var progress = new SyncProgress<SnapshotProgress>(p => line.Update(() => Render(p, clock.Elapsed)));
                manifest = await new SnapshotRunner(context.Clock, context.GetEnvironmentVariable)
                    .RunAsync(request, index, progress, cancellationToken);
            }
            var elapsed = clock.Elapsed;

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(Summary(manifest, request.StoreUrl, elapsed), JsonOutput.Options));
            }
            else
            {
                var rate = elapsed.TotalSeconds > 0 ? manifest.Totals.Rows / elapsed.TotalSeconds : 0;
                context.Out.WriteLine(
                    $"snapshot {manifest.Id} of {manifest.Policy}: {manifest.Totals.Tables} tables, {Units.Count(manifest.Totals.Rows)} rows, "
                    + $"{Units.Bytes(manifest.Totals.Bytes)} in {elapsed.TotalSeconds:0.0}s ({Units.Count((long)rate)} rows/s) -> {StoreOpener.Canonical(request.StoreUrl)}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static SnapshotRequest BuildRequest(CliContext context, Policy policy, string? sourceOverride, string? storeOverride)
    {
        string kind;
        string connection;
        if (sourceOverride is not null)
        {
            var colon = sourceOverride.IndexOf(':', StringComparison.Ordinal);
            kind = colon > 0 ? sourceOverride[..colon].Trim().ToLowerInvariant() : "";
            connection = colon > 0 ? sourceOverride[(colon + 1)..] : "";
            if (!SourceKindNames.TryParse(kind, out _) || connection.Length == 0)
            {
                throw new CliException($"--source: expected KIND:CONNECTION with KIND one of {string.Join(", ", SourceKindNames.All)} (e.g. sqlite:/var/lib/app.db or postgres:Host=...;Database=...)");
            }
        }
        else
        {
            kind = policy.Source.Kind.Name();
            connection = Resolve(context, policy.Source.Connection, "source.connection");
        }
        var storeUrl = storeOverride ?? Resolve(context, policy.StoreUrl, "store");

        return new SnapshotRequest(
            policy.Name,
            kind,
            connection,
            policy.Source.Schema,
            policy.Source.Tables.Contains("*") ? [] : policy.Source.Tables,
            policy.Source.Exclude,
            storeUrl,
            policy.Parallelism)
        {
            TempDirectory = context.GetEnvironmentVariable("BACKUPS_TEMP"),
            // The policy's S3 settings describe its deployment (endpoint, encryption): they hold for an overriding s3:// --store too.
            StoreS3 = policy.StoreS3,
        };
    }

    private static string Resolve(CliContext context, string text, string what)
    {
        try
        {
            return PolicyEnvironment.Resolve(text, context.Environment, what);
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static string Render(SnapshotProgress p, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? p.BytesWritten / elapsed.TotalSeconds : 0;
        return $"[{p.TablesDone}/{p.TablesTotal} tables] {Units.Count(p.Rows)} rows  {Units.Bytes(p.BytesWritten)}  {Units.Bytes((long)rate)}/s  {p.CurrentTable}";
    }

    internal static object Summary(Manifest manifest, string storeUrl, TimeSpan elapsed) => new
    {
        id = manifest.Id,
        policy = manifest.Policy,
        store = StoreOpener.Canonical(storeUrl),
        source = new { kind = manifest.Source.Kind, server = manifest.Source.Server, database = manifest.Source.Database },
        startedAt = Formats.Instant(manifest.StartedAt),
        completedAt = Formats.Instant(manifest.CompletedAt),
        tables = manifest.Totals.Tables,
        rows = manifest.Totals.Rows,
        parts = manifest.Totals.Parts,
        bytes = manifest.Totals.Bytes,
        durationSeconds = Math.Round(elapsed.TotalSeconds, 3),
        consistencyPoint = manifest.ConsistencyPoint,
    };
}

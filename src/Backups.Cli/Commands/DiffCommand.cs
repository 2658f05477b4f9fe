using System.CommandLine;
using Backups.Cli.Infrastructure;
using Backups.Operations;
using Backups.Operations.Diff;
using Backups.Operations.Restore;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups diff</c>: which rows of one table differ between a snapshot and the live database (or a later
/// snapshot), by primary key or <c>--key</c>; <c>--sql FILE</c> writes the repair script. Exit 0 whether or not rows
/// differ (the differences are the result); 2 for bad input.
/// </summary>
internal static class DiffCommand
{
    public static Command Build(CliContext context)
    {
        var store = new Option<string>("--store") { HelpName = "URL", Description = "The store holding the snapshots (s3://bucket/prefix, file:///path or a path)", Required = true };
        var at = new Option<string?>("--at") { HelpName = "ISO", Description = "The old side: the newest complete snapshot started at or before this instant (ISO-8601 with Z or an offset)" };
        var snapshot = new Option<string[]>("--snapshot")
        {
            HelpName = "ID",
            Description = "The old side's snapshot id; given twice (--snapshot A --snapshot B), compares A with B instead of with a live database",
            AllowMultipleArgumentsPerToken = false,
        };
        var against = new Option<string?>("--against") { HelpName = "KIND:CONNECTION", Description = "The new side: a live database, KIND:CONNECTION (postgres or sqlite)" };
        var table = new Option<string>("--table") { HelpName = "T", Description = "The table (NAME or SCHEMA.NAME as in the snapshot)", Required = true };
        var key = new Option<string?>("--key") { HelpName = "COLS", Description = "Columns that identify a row, comma-separated (default: the table's primary key)" };
        var columns = new Option<string?>("--columns") { HelpName = "COLS", Description = "Only report differences in these columns, comma-separated" };
        var where = new Option<string?>("--where") { HelpName = "SQL", Description = "Only rows for which this SQL predicate holds on either side (PostgreSQL on the live table, DuckDB on the snapshot)" };
        var schema = new Option<string?>("--schema") { HelpName = "NAME", Description = "The live table's schema (default: the snapshot table's)" };
        var json = new Option<bool>("--json") { Description = "Print the differences as JSON" };
        var sql = new Option<string?>("--sql") { HelpName = "FILE", Description = "Also write a repair script to FILE: guarded UPDATEs, INSERTs for removed rows, DELETEs for added rows commented out" };
        var command = new Command("diff", "Show which rows of a table changed, were added or removed since a snapshot; optionally write the SQL that puts them back")
        {
            store, at, snapshot, against, table, key, columns, where, schema, json, sql,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var snapshots = parse.GetValue(snapshot) ?? [];
            var againstText = parse.GetValue(against);
            var atText = parse.GetValue(at);
            if (snapshots.Length > 2 || (atText is not null ? 1 : 0) + snapshots.Length != (againstText is null ? 2 : 1))
            {
                throw new CliException("give the old side (--at ISO or --snapshot ID) and the new side (--against KIND:CONNECTION, or a second --snapshot ID)");
            }

            var old = atText is not null ? SnapshotPointer.Parse(atText, null) : SnapshotPointer.Parse(null, snapshots[0]);
            var live = againstText is null ? null : DatabaseSpec.Parse(againstText, "--against");
            var request = new DiffRequest(parse.GetValue(store)!, old, parse.GetValue(table)!)
            {
                NewSnapshot = live is null ? SnapshotPointer.Parse(null, snapshots[^1]) : null,
                AgainstKind = live?.Kind,
                AgainstConnection = live?.Connection,
                AgainstSchema = parse.GetValue(schema),
                Key = RestoreCommand.SplitList(parse.GetValue(key)),
                Columns = RestoreCommand.SplitList(parse.GetValue(columns)),
                Where = parse.GetValue(where),
                TempDirectory = context.GetEnvironmentVariable("BACKUPS_TEMP"),
            };

            var sinks = new List<IDiffSink>();
            using var jsonWriter = parse.GetValue(json) ? new DiffJsonWriter(context.Out) : null;
            sinks.Add(jsonWriter is null ? new DiffTextWriter(context.Out) : jsonWriter);
            var sqlPath = parse.GetValue(sql);
            using var script = sqlPath is null ? null : new RepairScriptWriter(Path.GetFullPath(sqlPath), context.Clock);
            if (script is not null)
            {
                sinks.Add(script);
            }

            var sides = 0;
            void Chosen(ResolvedSnapshot snapshot)
            {
                context.Error.WriteLine($"backups: {(sides++ == 0 ? "old" : "new")} side: {RestoreCommand.Describe(context, snapshot)}");
                foreach (var warning in snapshot.Warnings)
                {
                    context.Error.WriteLine($"backups: warning: {warning}");
                }
            }

            var summary = await new Differ(context.Clock, context.GetEnvironmentVariable).RunAsync(request, sinks, Chosen, cancellationToken);
            if (script is not null)
            {
                var database = live?.Kind is "sqlite" && !live.Connection.Contains('=', StringComparison.Ordinal) ? live.Connection : null;
                await context.Error.WriteLineAsync(
                    $"backups: repair script written to {script.Path}: {summary.Changed} UPDATE, {summary.Removed} INSERT, {summary.Added} DELETE (commented out); review it, then run {script.ApplyCommand(database)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

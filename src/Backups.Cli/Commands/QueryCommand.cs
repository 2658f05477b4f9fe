using System.CommandLine;
using Backups.Cli.Infrastructure;
using Backups.Operations.Query;
using Backups.Operations.Restore;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups query</c>: one read-only SQL statement (DuckDB) over a snapshot's files, without restoring it. Each
/// table is a view named like it (and <c>schema.table</c>); only the tables the SQL names are downloaded and verified.
/// </summary>
internal static class QueryCommand
{
    public static Command Build(CliContext context)
    {
        var store = new Option<string>("--store") { HelpName = "URL", Description = "The store holding the snapshots (s3://bucket/prefix, file:///path or a path)", Required = true };
        var at = new Option<string?>("--at") { HelpName = "ISO", Description = "Query the newest complete snapshot started at or before this instant (ISO-8601 with Z or an offset)" };
        var snapshot = new Option<string?>("--snapshot") { HelpName = "ID", Description = "Query this snapshot id" };
        var json = new Option<bool>("--json") { Description = "Print the result as a JSON array of objects" };
        var csv = new Option<bool>("--csv") { Description = "Print the result as CSV" };
        var sql = new Argument<string>("SQL") { Description = "The query, e.g. \"SELECT * FROM brieff WHERE bfkey = '3575931'\"; exact numerics with up to 38 digits are DECIMAL, wider ones text" };
        var command = new Command("query", "Run a read-only SQL query (DuckDB) over a snapshot's files without restoring it")
        {
            store, at, snapshot, json, csv, sql,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(json) && parse.GetValue(csv))
            {
                throw new CliException("give --json or --csv, not both");
            }

            var request = new QueryRequest(parse.GetValue(store)!, SnapshotPointer.Parse(parse.GetValue(at), parse.GetValue(snapshot)), parse.GetValue(sql)!)
            {
                TempDirectory = context.GetEnvironmentVariable("BACKUPS_TEMP"),
            };
            using var jsonWriter = parse.GetValue(json) ? new QueryJsonWriter(context.Out) : null;
            IQuerySink sink = jsonWriter is not null ? jsonWriter : parse.GetValue(csv) ? new QueryCsvWriter(context.Out) : new QueryTableWriter(context.Out);
            await new QueryRunner(context.GetEnvironmentVariable).RunAsync(
                request,
                sink,
                snapshot => context.Error.WriteLine($"backups: querying {RestoreCommand.Describe(context, snapshot)}"),
                cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using Backups.Cli.Infrastructure;
using Backups.Cli.Planning;
using Backups.Domain.Retention;
using NodaTime;

namespace Backups.Cli.Commands;

/// <summary><c>backups plan</c>: the retention planner in what-if mode, with no store at all.</summary>
internal static class PlanCommand
{
    public static Command Build(CliContext context)
    {
        var tiers = new Option<string?>("--tiers") { Description = "Tiers as <tier>=<window>,... e.g. hourly=3d,daily=14d,weekly=60d,monthly=180d" };
        var policy = new Option<string?>("--policy") { Description = "Take tiers, time zone and guards from this policy file instead of --tiers" };
        var snapshots = new Option<string>("--snapshots") { Description = "File with one ISO-8601 instant per line, optionally followed by an id ('-' reads standard input)", Required = true };
        var now = new Option<string?>("--now") { Description = "Plan as of this ISO-8601 instant (default: the current time)" };
        var zone = new Option<string?>("--timezone") { Description = "IANA time zone for calendar buckets (default: the policy's, else UTC)" };
        var json = new Option<bool>("--json") { Description = "Print the plan as one JSON object" };

        var command = new Command("plan", "Show which snapshots the retention tiers keep and which expire, and why (dry run; changes nothing)")
        {
            tiers, policy, snapshots, now, zone, json,
        };
        command.SetAction(parse =>
        {
            var rules = ResolveRules(context, parse.GetValue(tiers), parse.GetValue(policy), parse.GetValue(zone));
            var asOf = ResolveNow(context, parse.GetValue(now));
            var list = ReadSnapshots(context, parse.GetValue(snapshots)!);

            var plan = RetentionPlanner.Plan(list, rules, asOf);
            if (parse.GetValue(json))
            {
                context.Out.Flush();
                using var stdout = new MemoryStream();
                PlanRendering.WriteJson(stdout, plan, rules, asOf);
                context.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
            }
            else
            {
                PlanRendering.WriteText(context.Out, plan, rules, asOf);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static RetentionRules ResolveRules(CliContext context, string? tiersText, string? policyPath, string? zoneId)
    {
        if (tiersText is null == policyPath is null)
        {
            throw new CliException("give exactly one of --tiers or --policy");
        }

        var rules = tiersText is not null
            ? RetentionRules.Default with { Tiers = TierListParser.Parse(tiersText) }
            : PolicyFiles.LoadOrThrow(context, policyPath!, resolveEnvironment: false).Retention;

        if (zoneId is not null)
        {
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
                ?? throw new CliException($"--timezone: unknown time zone '{zoneId}' (use an IANA id such as UTC or America/New_York)");
            rules = rules with { Zone = zone };
        }
        return rules;
    }

    private static Instant ResolveNow(CliContext context, string? text)
    {
        if (text is null)
        {
            return context.Clock.GetCurrentInstant();
        }
        return SnapshotListParser.TryParseInstant(text, out var instant)
            ? instant
            : throw new CliException($"--now: cannot read '{text}' as an ISO-8601 instant (expected e.g. 2026-11-02T00:00:00Z)");
    }

    private static IReadOnlyList<SnapshotRef> ReadSnapshots(CliContext context, string path)
    {
        if (path == "-")
        {
            return SnapshotListParser.Parse(context.In, "<stdin>");
        }
        if (!File.Exists(path))
        {
            throw new CliException($"--snapshots: file not found: {path}");
        }
        using var reader = new StreamReader(path);
        return SnapshotListParser.Parse(reader, path);
    }
}

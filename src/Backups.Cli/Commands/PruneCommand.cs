using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Backups.Catalog;
using Backups.Cli.Infrastructure;
using Backups.Cli.Planning;
using Backups.Domain.Policies;
using Backups.Domain.Retention;
using Backups.Operations;
using Backups.Operations.Retention;
using Backups.Policies;
using NodaTime;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups prune</c>: a policy's retention against its store. Dry run by default (what would expire and why, what
/// stays and why, the guards' verdicts); <c>--apply</c> expires, audited, and exits 4 when a guard refuses.
/// Also holds what the other store commands (pin, pause, audit) share: finding the store and the operator's name.
/// </summary>
internal static class PruneCommand
{
    public static Command Build(CliContext context)
    {
        var policy = new Option<string>("--policy") { Description = "Policy file (YAML): its tiers, guards, schedule and store", Required = true };
        var store = new Option<string?>("--store") { Description = "Use this store instead of the policy's (s3://bucket/prefix, file:///path or a path)" };
        var now = new Option<string?>("--now") { Description = "Plan as of this ISO-8601 instant (default: the current time)" };
        var apply = new Option<bool>("--apply") { Description = "Expire what the plan expires (audited under audit/ in the store); without it nothing changes" };
        var force = new Option<bool>("--force") { Description = "Override the max-expire-per-run and max-expire-fraction guards (never the stale-backups guard)" };
        var staleFactor = new Option<double>("--stale-factor")
        {
            Description = "Refuse to expire anything once the newest snapshot is older than this many schedule intervals",
            DefaultValueFactory = _ => RetentionOptions.DefaultStaleFactor,
        };
        var catalog = new Option<string?>("--catalog") { Description = "Catalog file to remove expired snapshots from (default $BACKUPS_CATALOG or ~/.local/share/backups/catalog.db)" };
        var json = new Option<bool>("--json") { Description = "Print the plan (and what was done) as JSON" };
        var command = new Command("prune", "Apply a policy's retention to its store: dry run by default, --apply to expire (exit 4 when a guard refuses)")
        {
            policy, store, now, apply, force, staleFactor, catalog, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = PolicyFiles.LoadOrThrow(context, parse.GetValue(policy)!, resolveEnvironment: false);
            var url = parse.GetValue(store) ?? ResolveStoreUrl(context, loaded);
            var asOf = ResolveNow(context, parse.GetValue(now), "--now");
            var factor = parse.GetValue(staleFactor);
            if (!(factor > 0) || double.IsInfinity(factor))
            {
                throw new CliException($"--stale-factor: must be a positive number, not {factor.ToString(CultureInfo.InvariantCulture)}");
            }

            // The policy's S3 settings (endpoint, region, encryption) apply to an s3:// store, as for its snapshots.
            using var handle = StoreOpener.Open(url, context.GetEnvironmentVariable, loaded.StoreS3);
            var executor = new RetentionExecutor(context.Clock, new RetentionOptions { StaleFactor = factor });
            var plan = await executor.PlanAsync(handle.Store, loaded, asOf, cancellationToken);
            var doApply = parse.GetValue(apply);
            var doForce = parse.GetValue(force);
            RetentionApplyResult? result = null;
            if (doApply)
            {
                using var index = CatalogLocation.Open(context, parse.GetValue(catalog));
                result = await executor.ApplyAsync(plan, handle.Store, AuditSinks.For(context, handle, parse.GetValue(catalog)), doForce, index, cancellationToken);
            }

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(Json(plan, result, doApply, doForce), JsonOutput.Options));
            }
            else
            {
                WriteText(context.Out, plan, result, doApply, doForce);
            }
            return result is { Refused: true } ? ExitCodes.Refused : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The store of a policy, with its <c>${VAR}</c> references resolved from the environment.</summary>
    internal static string ResolveStoreUrl(CliContext context, Policy policy)
    {
        try
        {
            return PolicyEnvironment.Resolve(policy.StoreUrl, context.Environment, "store");
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary><c>--store URL</c>, else the store of <c>--policy FILE</c>; one of them is required.</summary>
    internal static string ResolveStoreUrl(CliContext context, string? store, string? policyPath, string? expectedPolicy = null) =>
        ResolveStore(context, store, policyPath, expectedPolicy).Url;

    /// <summary>
    /// <c>--store URL</c> (S3 settings from the environment), else the store of <c>--policy FILE</c> with the policy's
    /// own S3 settings; one of them is required.
    /// </summary>
    internal static StoreChoice ResolveStore(CliContext context, string? store, string? policyPath, string? expectedPolicy = null)
    {
        if (store is not null)
        {
            return new StoreChoice(store);
        }
        if (policyPath is null)
        {
            throw new CliException("give --store URL or --policy FILE to say which store");
        }
        var policy = PolicyFiles.LoadOrThrow(context, policyPath, resolveEnvironment: false);
        if (expectedPolicy is not null && policy.Name != expectedPolicy)
        {
            throw new CliException($"{policyPath} is the policy '{policy.Name}', not '{expectedPolicy}'");
        }
        return new StoreChoice(ResolveStoreUrl(context, policy), policy.StoreS3);
    }

    internal static Instant ResolveNow(CliContext context, string? text, string option)
    {
        if (text is null)
        {
            return context.Clock.GetCurrentInstant();
        }
        return SnapshotListParser.TryParseInstant(text, out var instant)
            ? instant
            : throw new CliException($"{option}: cannot read '{text}' as an ISO-8601 instant (expected e.g. 2026-11-02T00:00:00Z)");
    }

    /// <summary>Who is acting, for pins, pauses and the audit log: <c>$USER</c>, else <c>$LOGNAME</c>, else the account name.</summary>
    internal static string Operator(CliContext context) =>
        context.GetEnvironmentVariable("USER") is { Length: > 0 } user ? user
        : context.GetEnvironmentVariable("LOGNAME") is { Length: > 0 } login ? login
        : Environment.UserName is { Length: > 0 } account ? account
        : "unknown";

    private static void WriteText(TextWriter o, RetentionExecutionPlan plan, RetentionApplyResult? result, bool applied, bool force)
    {
        var anchor = plan.Plan.Anchor is { } a ? Formats.Instant(a) : "none";
        o.WriteLine($"policy {plan.Policy} in {plan.StoreUrl}, as of {Formats.Instant(plan.Now)}{(applied ? "" : " (dry run)")}");
        o.WriteLine($"anchor {anchor}; zone {plan.Rules.Zone.Id}; tiers {string.Join(" ", plan.Rules.Tiers)}");
        o.WriteLine();
        var expiries = plan.Expiries.ToList();
        var width = plan.Plan.Decisions.Select(d => d.Snapshot.Id.Length).DefaultIfEmpty(2).Max();
        foreach (var action in expiries)
        {
            o.WriteLine($"expire  {action.SnapshotId.PadRight(width)}  {Units.Bytes(plan.Snapshots.Sizes.GetValueOrDefault(action.SnapshotId)),10}  {action.Reason}");
        }
        foreach (var decision in plan.Plan.Kept.OrderBy(d => d.Snapshot.Time).ThenBy(d => d.Snapshot.Id, StringComparer.Ordinal))
        {
            o.WriteLine($"keep    {decision.Snapshot.Id.PadRight(width)}  {Units.Bytes(plan.Snapshots.Sizes.GetValueOrDefault(decision.Snapshot.Id)),10}  {KeepReasons(decision)}");
        }
        foreach (var item in plan.Snapshots.Incomplete)
        {
            o.WriteLine($"skip    {item.Id.PadRight(width)}  {Units.Bytes(item.TotalBytes),10}  incomplete (no manifest): garbage for 'backups gc'");
        }
        foreach (var item in plan.Snapshots.Unreadable)
        {
            o.WriteLine($"skip    {item.Id.PadRight(width)}  {"",10}  unreadable manifest, never expired: {item.Error}");
        }
        o.WriteLine();
        var expireBytes = expiries.Sum(e => plan.Snapshots.Sizes.GetValueOrDefault(e.SnapshotId));
        o.WriteLine($"{plan.Plan.Decisions.Count} snapshots: keep {plan.Plan.Kept.Count()}, expire {expiries.Count} ({Units.Bytes(expireBytes)})"
            + (plan.Snapshots.OtherPolicies > 0 ? $"; {plan.Snapshots.OtherPolicies} of other policies left alone" : ""));
        o.WriteLine(plan.Guard.Refused
            ? $"expiry guards: REFUSED{(force ? " (overridden by --force)" : " (--force overrides)")}: {string.Join("; ", plan.Guard.Reasons)}"
            : "expiry guards: ok");
        o.WriteLine(plan.Stale switch
        {
            { Stale: true, Reason: { } why } => $"stale-backups guard: REFUSED: {why}",
            { Age: { } age, ExpectedInterval: { } every, AllowedAge: { } allowed } =>
                $"stale-backups guard: ok (newest snapshot {Units.Age(age)} old, expected every {Units.Age(every)}, allowed {Units.Age(allowed)})",
            _ => "stale-backups guard: ok",
        });

        if (result is null)
        {
            o.WriteLine(plan.IsRefused(force)
                ? "dry run: apply would be refused; nothing would change"
                : $"dry run: nothing changed; run again with --apply to expire {expiries.Count} snapshots");
            return;
        }
        if (result.Refused)
        {
            o.WriteLine("refused: nothing was changed");
            return;
        }
        o.WriteLine($"expired {result.Expired.Count} snapshots ({result.ObjectsDeleted} objects, {Units.Bytes(result.BytesDeleted)}); audit entries under audit/ in the store and in the catalog");
        if (result.Resumed.Count > 0)
        {
            o.WriteLine($"finished {result.Resumed.Count} expiries an earlier run had begun: {string.Join(", ", result.Resumed)}");
        }
        if (result.Abandoned.Count > 0)
        {
            o.WriteLine($"did not finish {result.Abandoned.Count} earlier expiries (pinned since): {string.Join(", ", result.Abandoned)}");
        }
        if (result.SkippedPinned.Count > 0)
        {
            o.WriteLine($"skipped {result.SkippedPinned.Count} snapshots pinned since planning: {string.Join(", ", result.SkippedPinned)}");
        }
        if (result.AlreadyGone.Count > 0)
        {
            o.WriteLine($"{result.AlreadyGone.Count} snapshots were already gone");
        }
    }

    private static string KeepReasons(SnapshotDecision decision) =>
        string.Join(", ", decision.Reasons.Select(r =>
            r == RetentionReasons.Pinned && decision.Snapshot.PinReason is { Length: > 0 } why ? $"pinned: {why}" : r));

    private static object Json(RetentionExecutionPlan plan, RetentionApplyResult? result, bool applied, bool force)
    {
        var expiries = plan.Expiries.ToList();
        return new
        {
            policy = plan.Policy,
            store = plan.StoreUrl,
            now = Formats.Instant(plan.Now),
            anchor = plan.Plan.Anchor is { } a ? Formats.Instant(a) : null,
            dryRun = !applied,
            refused = plan.IsRefused(force),
            refusalReasons = plan.RefusalReasons(force),
            guards = new
            {
                expiry = new { refused = plan.Guard.Refused, forced = force && plan.Guard.Refused, reasons = plan.Guard.Reasons },
                stale = new
                {
                    refused = plan.Stale.Stale,
                    newest = plan.Stale.Newest is { } n ? Formats.Instant(n) : null,
                    ageSeconds = plan.Stale.Age?.TotalSeconds,
                    expectedIntervalSeconds = plan.Stale.ExpectedInterval?.TotalSeconds,
                    allowedAgeSeconds = plan.Stale.AllowedAge?.TotalSeconds,
                    reason = plan.Stale.Reason,
                },
            },
            expire = expiries.Select(e => new
            {
                id = e.SnapshotId,
                time = e.SnapshotTime is { } t ? Formats.Instant(t) : null,
                bytes = plan.Snapshots.Sizes.GetValueOrDefault(e.SnapshotId),
                reason = e.Reason,
            }),
            keep = plan.Plan.Kept.OrderBy(d => d.Snapshot.Time).ThenBy(d => d.Snapshot.Id, StringComparer.Ordinal).Select(d => new
            {
                id = d.Snapshot.Id,
                time = Formats.Instant(d.Snapshot.Time),
                bytes = plan.Snapshots.Sizes.GetValueOrDefault(d.Snapshot.Id),
                reasons = d.Reasons,
                pin = d.Snapshot.PinReason,
            }),
            incomplete = plan.Snapshots.Incomplete.Select(i => new { id = i.Id, objects = i.Objects.Count, bytes = i.TotalBytes }),
            unreadable = plan.Snapshots.Unreadable.Select(u => new { id = u.Id, error = u.Error }),
            summary = new
            {
                snapshots = plan.Plan.Decisions.Count,
                keep = plan.Plan.Kept.Count(),
                expire = expiries.Count,
                expireBytes = expiries.Sum(e => plan.Snapshots.Sizes.GetValueOrDefault(e.SnapshotId)),
                otherPolicies = plan.Snapshots.OtherPolicies,
            },
            result = result is null ? null : new
            {
                refused = result.Refused,
                expired = result.Expired,
                resumed = result.Resumed,
                abandoned = result.Abandoned,
                alreadyGone = result.AlreadyGone,
                skippedPinned = result.SkippedPinned,
                objectsDeleted = result.ObjectsDeleted,
                bytesDeleted = result.BytesDeleted,
            },
        };
    }
}

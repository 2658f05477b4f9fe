using System.CommandLine;
using System.Text.Json;
using Backups.Cli.Infrastructure;
using Backups.Operations.Control;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups policy accept POLICY</c>: lets a policy edit that the service holds for review (because it would newly
/// expire snapshots) take effect at the next retention run, in every service instance. <c>--dry-run</c> shows what is held.
/// </summary>
internal static class PolicyAcceptCommand
{
    public static Command Build(CliContext context)
    {
        var (policyName, store, policyFile, policies, catalog, json) = PauseCommand.CommonOptions("Print the terms in force and the held edit as JSON");
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the held edit and the snapshots it newly expires; change nothing" };
        var command = new Command("accept", "Let a policy edit held for review (it would newly expire snapshots) take effect at the next retention run")
        {
            policyName, store, policyFile, policies, catalog, dryRun, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(policyName)!;
            var chosen = PolicyStores.Resolve(context, name, parse.GetValue(store), parse.GetValue(policyFile), parse.GetValue(policies), parse.GetValue(catalog));
            using var handle = SnapshotLocator.Open(context, chosen);
            var reviews = new RetentionReviews(handle.Store, context.Clock, AuditSinks.For(context, handle, parse.GetValue(catalog)));
            var before = await reviews.GetAsync(name, cancellationToken);
            var dry = parse.GetValue(dryRun);
            var accepted = before?.Held is null || dry ? null : await reviews.AcceptAsync(name, PruneCommand.Operator(context), cancellationToken);
            var after = dry ? before : await reviews.GetAsync(name, cancellationToken);

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    policy = name,
                    store = handle.Url,
                    dryRun = dry,
                    accepted = accepted is not null,
                    held = Held(dry ? before?.Held : accepted),
                    inForce = after?.InForce is { } inForce
                        ? new { terms = inForce.Terms.Describe(), since = Formats.Instant(inForce.Since), by = inForce.By }
                        : null,
                }, JsonOutput.Options));
                return ExitCodes.Ok;
            }

            var o = context.Out;
            if (before?.Held is not { } held)
            {
                o.WriteLine(before is null
                    ? $"nothing is held for review for {name} in {handle.Url}: its retention has not run yet"
                    : $"nothing is held for review for {name} in {handle.Url}; in force: {before.InForce.Terms.Describe()} (since {Formats.Instant(before.InForce.Since)}, {before.InForce.By})");
                return ExitCodes.Ok;
            }
            o.WriteLine($"{(dry ? "held for review" : "accepted")}: the edit of {name} seen {Formats.Instant(held.HeldAt)} by {held.By}: {held.Terms.Describe()}");
            o.WriteLine($"  in force {(dry ? "now" : "until now")}: {before.InForce.Terms.Describe()}");
            o.WriteLine($"  {held.NewlyExpiring.Count} snapshots it newly expires{(dry ? "" : " may now expire at the next retention run")}: {string.Join(", ", held.NewlyExpiring)}");
            o.WriteLine(dry
                ? held.Until is { } until
                    ? $"dry run: nothing changed; without acceptance it takes effect at {Formats.Instant(until)}"
                    : "dry run: nothing changed; it waits for acceptance (retention.review-delay: never)"
                : $"in force in {handle.Url} for every service instance; audited");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object? Held(HeldTerms? held) => held is null
        ? null
        : new
        {
            terms = held.Terms.Describe(),
            heldAt = Formats.Instant(held.HeldAt),
            until = held.Until is { } until ? Formats.Instant(until) : null,
            by = held.By,
            newlyExpiring = held.NewlyExpiring,
        };
}

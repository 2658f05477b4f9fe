using System.Diagnostics;
using System.Globalization;
using Backups.Domain.Retention;
using NodaTime;

namespace Backups.Bench;

/// <summary>Times <see cref="RetentionPlanner.Plan"/> over a large synthetic history.</summary>
internal sealed class PlanBench : IBenchMode
{
    private const string DefaultTiers = "hourly=3d,daily=14d,weekly=60d,monthly=180d";

    private static readonly Instant Anchor = Instant.FromUtc(2026, 6, 1, 0, 0);

    public string Name => "plan";

    public string Usage =>
        $"plan [N=1000000] [--iterations 10] [--warmup 3] [--zone UTC] [--tiers {DefaultTiers}] [--seed 42]";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var options = PlanBenchOptions.Parse(args, DefaultTiers);
        var rules = new RetentionRules(options.Tiers, options.Zone, ExpiryGuards.Default);
        var history = SyntheticHistory.Generate(
            options.Count, Anchor, Duration.FromMinutes(15), Duration.FromMinutes(5), options.Seed);

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"plan: {options.Count:N0} snapshots (one every ~15 min back from {Anchor}), tiers {string.Join(" ", options.Tiers)}, zone {options.Zone.Id}"));

        RetentionPlan plan = null!;
        for (var i = 0; i < options.Warmup; i++)
        {
            plan = RetentionPlanner.Plan(history, rules, Anchor);
        }

        var times = new List<double>(options.Iterations);
        var allocations = new List<long>(options.Iterations);
        var stopwatch = new Stopwatch();
        for (var i = 0; i < options.Iterations; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            stopwatch.Restart();
            plan = RetentionPlanner.Plan(history, rules, Anchor);
            stopwatch.Stop();
            allocations.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        var timings = new Timings(times);
        var kept = plan.Decisions.Count(d => d.Keep);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"result: {plan.Decisions.Count:N0} complete, {kept:N0} kept, {plan.Decisions.Count - kept:N0} expired, {plan.Incomplete.Count:N0} incomplete, guard {(plan.Guard.Refused ? "refused" : "allowed")}"));
        output.WriteLine($"time: {timings}");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"throughput: {options.Count / (timings.Median / 1000):N0} snapshots/s (median)"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"allocated: {allocations.Min():N0} bytes per plan ({(double)allocations.Min() / options.Count:0.0} bytes per snapshot)"));
        return 0;
    }
}

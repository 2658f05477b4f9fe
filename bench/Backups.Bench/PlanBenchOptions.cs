using System.Globalization;
using Backups.Domain.Retention;
using NodaTime;

namespace Backups.Bench;

/// <summary>The command line of the <c>plan</c> mode.</summary>
internal sealed record PlanBenchOptions(int Count, int Iterations, int Warmup, DateTimeZone Zone, IReadOnlyList<Tier> Tiers, int Seed)
{
    public static PlanBenchOptions Parse(IReadOnlyList<string> args, string defaultTiers)
    {
        int count = 1_000_000, iterations = 10, warmup = 3, seed = 42;
        var zone = DateTimeZone.Utc;
        var tiers = ParseTiers(defaultTiers);
        var positional = 0;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--iterations": iterations = Positive(Value(args, ref i), "--iterations"); break;
                case "--warmup": warmup = NonNegative(Value(args, ref i), "--warmup"); break;
                case "--seed": seed = NonNegative(Value(args, ref i), "--seed"); break;
                case "--zone":
                    var id = Value(args, ref i);
                    zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? throw new BenchUsageException($"unknown time zone '{id}'");
                    break;
                case "--tiers": tiers = ParseTiers(Value(args, ref i)); break;
                default:
                    if (args[i].StartsWith('-') || positional++ > 0)
                    {
                        throw new BenchUsageException($"unexpected argument '{args[i]}'");
                    }
                    count = Positive(args[i], "N");
                    break;
            }
        }
        return new PlanBenchOptions(count, iterations, warmup, zone, tiers, seed);
    }

    private static List<Tier> ParseTiers(string text)
    {
        var tiers = new List<Tier>();
        foreach (var term in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = term.Split('=', 2);
            if (parts.Length != 2 || !PeriodNames.TryParse(parts[0], out var period))
            {
                throw new BenchUsageException($"bad tier '{term}' (expected e.g. daily=14d)");
            }
            if (!RetentionWindow.TryParse(parts[1], out var window, out var error))
            {
                throw new BenchUsageException($"bad tier '{term}': {error}");
            }
            tiers.Add(new Tier(period, window));
        }
        return tiers;
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new BenchUsageException($"{args[i - 1]} needs a value");

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new BenchUsageException($"{name} must be a positive whole number, not '{text}'");

    private static int NonNegative(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new BenchUsageException($"{name} must be a whole number, not '{text}'");
}

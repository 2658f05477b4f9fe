using Backups.Domain.Policies;
using Backups.Domain.Retention;
using DateTimeZone = NodaTime.DateTimeZone;

namespace Backups.Operations.Tests.Support;

/// <summary>Policies for retention tests: the post-mortem tiers, hourly, in UTC, unless told otherwise.</summary>
internal static class Policies
{
    public const string Hourly = "0 0 * * * ?";

    public static Policy Make(
        string name = "vacols",
        string storeUrl = "unused",
        string schedule = Hourly,
        RetentionRules? rules = null,
        int? maxExpirePerRun = 1000,
        double maxExpireFraction = 0.5) => new(
        name,
        new SourceSpec(SourceKind.Sqlite, "/tmp/none.db", null, SourceSpec.AllTables, []),
        storeUrl,
        schedule,
        (rules ?? RetentionRules.Default) with { Guards = new ExpiryGuards(maxExpirePerRun, maxExpireFraction) });

    public static RetentionRules Tiers(params (Period Period, string Window)[] tiers) =>
        new([.. tiers.Select(t => new Tier(t.Period, RetentionWindow.Parse(t.Window)))], DateTimeZone.Utc, ExpiryGuards.Default);
}

using System.Globalization;

namespace Backups.Domain.Retention;

/// <summary>Applies <see cref="ExpiryGuards"/> to the counts of a plan.</summary>
internal static class ExpiryGuardEvaluator
{
    /// <summary>
    /// Refuses when <paramref name="expired"/> is above <see cref="ExpiryGuards.MaxExpirePerRun"/> (when set)
    /// or above <see cref="ExpiryGuards.MaxExpireFraction"/> of the <paramref name="complete"/> snapshots.
    /// Each guard that trips gives one message with the numbers.
    /// </summary>
    public static GuardVerdict Evaluate(ExpiryGuards guards, int expired, int complete)
    {
        ArgumentNullException.ThrowIfNull(guards);
        var reasons = new List<string>(2);
        if (guards.MaxExpirePerRun is { } max && expired > max)
        {
            reasons.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"the plan expires {expired} snapshots, more than max-expire-per-run allows ({max})"));
        }

        var allowed = guards.MaxExpireFraction * complete;
        if (expired > allowed)
        {
            var share = complete == 0 ? 0 : (double)expired / complete;
            reasons.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"the plan expires {expired} of {complete} complete snapshots ({share * 100:0.0}%), more than the allowed fraction {guards.MaxExpireFraction:0.###} (at most {Math.Floor(allowed):0})"));
        }

        return reasons.Count == 0 ? GuardVerdict.Allowed : new GuardVerdict(true, reasons);
    }
}

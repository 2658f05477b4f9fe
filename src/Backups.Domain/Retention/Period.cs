namespace Backups.Domain.Retention;

/// <summary>A calendar period that a retention tier buckets snapshots by.</summary>
public enum Period
{
    Hourly,
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

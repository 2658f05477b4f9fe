using NodaTime;

namespace Backups.Service.Scheduling;

/// <summary>Maps a policy's NodaTime zone to the <see cref="TimeZoneInfo"/> Quartz evaluates cron expressions in.</summary>
internal static class PolicyTimeZones
{
    public static bool TryToTimeZoneInfo(DateTimeZone zone, out TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone == DateTimeZone.Utc || zone.Id is "UTC" or "Etc/UTC" or "Etc/Universal" or "Etc/Zulu")
        {
            timeZone = TimeZoneInfo.Utc;
            return true;
        }
        try
        {
            // IANA ids (what NodaTime's TZDB provider uses) resolve on Linux directly and on Windows through ICU.
            timeZone = TimeZoneInfo.FindSystemTimeZoneById(zone.Id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            timeZone = TimeZoneInfo.Utc;
            return false;
        }
    }
}

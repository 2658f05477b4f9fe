using System.Buffers.Binary;

namespace Backups.Sources.Targets.Postgres;

/// <summary>PostgreSQL's binary date (int32 days) and timestamp (int64 microseconds), both counted from 2000-01-01.</summary>
internal static class PgTemporalBinary
{
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).Ticks;

    public static byte[] Date(DateOnly value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value.DayNumber - EpochDay);
        return bytes;
    }

    /// <summary>Ticks below a microsecond are dropped (towards the past), as PostgreSQL keeps microseconds.</summary>
    public static byte[] Timestamp(DateTime value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, Math.DivRem(value.Ticks - EpochTicks, TimeSpan.TicksPerMicrosecond) is var (q, r) && r < 0 ? q - 1 : q);
        return bytes;
    }
}

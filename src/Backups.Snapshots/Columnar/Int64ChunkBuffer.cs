using Backups.Domain.Schema;

namespace Backups.Snapshots.Columnar;

/// <summary>Int64, Time (microseconds since midnight) and timestamp (microseconds since 1970) columns: INT64.</summary>
internal sealed class Int64ChunkBuffer(ManifestColumn column) : FixedChunkBuffer<long>(column)
{
    /// <summary>0001-01-01T00:00 and the last microsecond of 9999-12-31, in microseconds since 1970-01-01.</summary>
    public const long MinTimestamp = -62_135_596_800_000_000;
    public const long MaxTimestamp = 253_402_300_799_999_999;

    public const long MicrosecondsPerDay = 86_400_000_000;

    public override void AppendInt64(long value)
    {
        if (Column.Kind != ColumnKind.Int64)
        {
            throw WrongKind("a 64-bit integer");
        }

        Push(value);
    }

    public override void AppendTime(long microseconds)
    {
        if (Column.Kind != ColumnKind.Time)
        {
            throw WrongKind("a time");
        }

        if (microseconds is < 0 or >= MicrosecondsPerDay)
        {
            throw new ArgumentException($"column '{Column.Name}': time of {microseconds} microseconds is not within a day (24:00 has no exact representation)");
        }

        Push(microseconds);
    }

    public override void AppendTimestamp(long microsecondsSinceUnixEpoch)
    {
        if (Column.Kind is not (ColumnKind.Timestamp or ColumnKind.TimestampTz))
        {
            throw WrongKind("a timestamp");
        }

        if (microsecondsSinceUnixEpoch is < MinTimestamp or > MaxTimestamp)
        {
            throw new ArgumentException($"column '{Column.Name}': timestamp {microsecondsSinceUnixEpoch} microseconds from 1970-01-01 is outside years 1 to 9999");
        }

        Push(microsecondsSinceUnixEpoch);
    }

    protected override ColumnStatistics Statistics() => IntegerStatistics.Of(Values, NullCount);
}

using Backups.Domain.Schema;

namespace Backups.Snapshots.Columnar;

/// <summary>Int16 (widened, as Parquet stores it), Int32 and Date (days since 1970-01-01) columns: INT32.</summary>
internal sealed class Int32ChunkBuffer(ManifestColumn column) : FixedChunkBuffer<int>(column)
{
    /// <summary>0001-01-01 and 9999-12-31 in days since 1970-01-01: the dates the format keeps.</summary>
    public const int MinDate = -719_162;
    public const int MaxDate = 2_932_896;

    public override void AppendInt16(short value)
    {
        if (Column.Kind != ColumnKind.Int16)
        {
            throw WrongKind("a 16-bit integer");
        }

        Push(value);
    }

    public override void AppendInt32(int value)
    {
        if (Column.Kind != ColumnKind.Int32)
        {
            throw WrongKind("a 32-bit integer");
        }

        Push(value);
    }

    public override void AppendDate(int daysSinceUnixEpoch)
    {
        if (Column.Kind != ColumnKind.Date)
        {
            throw WrongKind("a date");
        }

        if (daysSinceUnixEpoch is < MinDate or > MaxDate)
        {
            throw new ArgumentException($"column '{Column.Name}': date {daysSinceUnixEpoch} days from 1970-01-01 is outside years 1 to 9999");
        }

        Push(daysSinceUnixEpoch);
    }

    protected override ColumnStatistics Statistics() => IntegerStatistics.Of(Values, NullCount);
}

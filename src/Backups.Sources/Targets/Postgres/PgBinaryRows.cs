using System.Buffers.Binary;
using System.Text;
using Backups.Domain.Schema;
using Backups.Sources.Postgres;

namespace Backups.Sources.Targets.Postgres;

/// <summary>
/// Encodes column batches as the rows of a binary COPY (PostgreSQL's "Binary Format": per row a 16-bit field count,
/// per field a 32-bit length, -1 for NULL, and the type's binary receive form, big-endian): text as its UTF-8 bytes,
/// integers, floats, dates, times, timestamps and UUIDs converted from their storage form, decimal text as
/// <see cref="PgNumericBinary"/>, jsonb with its version byte.
/// </summary>
internal sealed class PgBinaryRows(TableSchema table, string qualified, IReadOnlyList<string> targetTypes)
{
    private const long EpochMicroseconds = PgCopyFormat.EpochMicroseconds;

    private readonly ColumnKind[] _kinds = [.. table.Columns.Select(c => c.Kind)];
    private readonly bool[] _jsonb = [.. targetTypes.Select(t => t == "jsonb")];
    private readonly int[] _fixed = new int[table.Columns.Count];
    private readonly int[] _value = new int[table.Columns.Count];

    /// <summary>The 19-byte header: signature, no flags, no extension.</summary>
    public static ReadOnlySpan<byte> Header => [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>The trailer: a field count of -1.</summary>
    public static ReadOnlySpan<byte> Trailer => [0xFF, 0xFF];

    /// <summary>
    /// Encodes rows of <paramref name="batch"/> from <paramref name="startRow"/> until the end of the batch or until
    /// <paramref name="output"/> holds <paramref name="maxBytes"/>; returns the next row to encode. Rows of one batch
    /// must be encoded in order, starting at 0. <paramref name="rowsBefore"/> numbers rows in errors.
    /// </summary>
    public int Encode(IColumnarBatch batch, int startRow, CopyBuffer output, int maxBytes, long rowsBefore)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(output);
        if (startRow == 0)
        {
            Array.Clear(_fixed);
            Array.Clear(_value);
        }

        var columns = new IColumnValues[_kinds.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = batch.Column(c);
        }

        var row = startRow;
        for (; row < batch.RowCount && output.Length < maxBytes; row++)
        {
            var span = output.Reserve(2);
            BinaryPrimitives.WriteInt16BigEndian(span, (short)columns.Length);
            output.Advance(2);
            for (var c = 0; c < columns.Length; c++)
            {
                var column = columns[c];
                var levels = column.Levels;
                if (!levels.IsEmpty && levels[row] == 0)
                {
                    BinaryPrimitives.WriteInt32BigEndian(output.Reserve(4), -1);
                    output.Advance(4);
                    continue;
                }

                Field(c, column, output, rowsBefore + row + 1);
            }
        }

        return row;
    }

    private void Field(int c, IColumnValues column, CopyBuffer output, long row)
    {
        switch (_kinds[c])
        {
            case ColumnKind.Boolean:
                Fixed(output, 1).Span[0] = column.FixedValues[_fixed[c]++];
                break;
            case ColumnKind.Int16:
                var small = BinaryPrimitives.ReadInt32LittleEndian(column.FixedValues[(4 * _fixed[c]++)..]);
                BinaryPrimitives.WriteInt16BigEndian(Fixed(output, 2).Span, checked((short)small));
                break;
            case ColumnKind.Int32 or ColumnKind.Float32:
                var four = column.FixedValues.Slice(4 * _fixed[c]++, 4);
                BinaryPrimitives.WriteUInt32BigEndian(Fixed(output, 4).Span, BinaryPrimitives.ReadUInt32LittleEndian(four));
                break;
            case ColumnKind.Date:
                var days = BinaryPrimitives.ReadInt32LittleEndian(column.FixedValues[(4 * _fixed[c]++)..]);
                BinaryPrimitives.WriteInt32BigEndian(Fixed(output, 4).Span, days - PgCopyFormat.EpochDays);
                break;
            case ColumnKind.Int64 or ColumnKind.Float64 or ColumnKind.Time:
                var eight = column.FixedValues.Slice(8 * _fixed[c]++, 8);
                BinaryPrimitives.WriteUInt64BigEndian(Fixed(output, 8).Span, BinaryPrimitives.ReadUInt64LittleEndian(eight));
                break;
            case ColumnKind.Timestamp or ColumnKind.TimestampTz:
                var micros = BinaryPrimitives.ReadInt64LittleEndian(column.FixedValues[(8 * _fixed[c]++)..]);
                BinaryPrimitives.WriteInt64BigEndian(Fixed(output, 8).Span, micros - EpochMicroseconds);
                break;
            case ColumnKind.Uuid:
                column.FixedValues.Slice(16 * _fixed[c]++, 16).CopyTo(Fixed(output, 16).Span);
                break;
            case ColumnKind.Decimal:
                var text = Encoding.UTF8.GetString(Next(c, column));
                var numeric = PgNumericBinary.Encode(text, out var problem)
                    ?? throw new TargetLoadException(qualified, table.Columns[c].Name, row, problem + ".");
                numeric.CopyTo(Fixed(output, numeric.Length).Span);
                break;
            case ColumnKind.Json when _jsonb[c]:
                var document = Next(c, column);
                var jsonb = Fixed(output, document.Length + 1).Span;
                jsonb[0] = 1;
                document.CopyTo(jsonb[1..]);
                break;
            case ColumnKind.Text or ColumnKind.Json or ColumnKind.Binary:
                var bytes = Next(c, column);
                bytes.CopyTo(Fixed(output, bytes.Length).Span);
                break;
            default:
                throw new InvalidOperationException($"column {table.Columns[c].Name}: {_kinds[c]} has no binary COPY form here");
        }
    }

    private ReadOnlySpan<byte> Next(int c, IColumnValues column)
    {
        var index = _value[c]++;
        var ends = column.Ends;
        var start = index == 0 ? 0 : ends[index - 1];
        return column.Data[start..ends[index]];
    }

    /// <summary>Writes a field's length and returns the space for its bytes, already counted as written.</summary>
    private static Memory<byte> Fixed(CopyBuffer output, int length)
    {
        var span = output.Reserve(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        output.Advance(4 + length);
        return output.Last(length);
    }
}

using System.Buffers.Binary;

namespace Backups.Sources.Postgres;

/// <summary>
/// PostgreSQL's binary COPY format (the COPY page of the PostgreSQL manual, "Binary Format"): an 11-byte signature,
/// flags and a header extension, then per row a 16-bit field count and per field a 32-bit length (-1 for NULL) and
/// the value in the type's binary send form (big-endian), and a trailer of field count -1.
/// </summary>
internal static class PgCopyFormat
{
    /// <summary>2000-01-01, PostgreSQL's epoch for dates and timestamps, in days and microseconds since 1970-01-01.</summary>
    public const int EpochDays = 10_957;
    public const long EpochMicroseconds = 946_684_800_000_000;

    /// <summary>"PGCOPY\n\377\r\n\0".</summary>
    private static ReadOnlySpan<byte> Signature => [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    /// <summary>The header's length when <paramref name="buffer"/> holds all of it; 0 when more bytes are needed.</summary>
    public static int HeaderLength(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length < Signature.Length + 8)
        {
            return 0;
        }

        if (!buffer[..Signature.Length].SequenceEqual(Signature))
        {
            throw new InvalidDataException("the COPY stream does not start with PostgreSQL's binary signature");
        }

        var flags = BinaryPrimitives.ReadInt32BigEndian(buffer[Signature.Length..]);
        if ((flags & 0x0001_0000) != 0)
        {
            throw new InvalidDataException("the COPY stream carries OIDs, which this reader does not expect");
        }

        var extension = BinaryPrimitives.ReadInt32BigEndian(buffer[(Signature.Length + 4)..]);
        var length = Signature.Length + 8 + extension;
        return buffer.Length >= length ? length : 0;
    }

    /// <summary>
    /// The length of the row (or trailer) at the start of <paramref name="buffer"/> when it is all there, else 0.
    /// <paramref name="fields"/> is the row's field count, or -1 for the trailer.
    /// </summary>
    public static int RowLength(ReadOnlySpan<byte> buffer, out int fields)
    {
        fields = 0;
        if (buffer.Length < 2)
        {
            return 0;
        }

        fields = BinaryPrimitives.ReadInt16BigEndian(buffer);
        if (fields < 0)
        {
            return 2;
        }

        var position = 2;
        for (var f = 0; f < fields; f++)
        {
            if (buffer.Length - position < 4)
            {
                return 0;
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(buffer[position..]);
            position += 4;
            if (length > 0)
            {
                if (buffer.Length - position < length)
                {
                    return 0;
                }

                position += length;
            }
        }

        return position;
    }

    /// <summary>The elements of a one-dimensional text[] value in binary form (NULL elements as null).</summary>
    public static string?[] TextArray(ReadOnlySpan<byte> value)
    {
        var dimensions = BinaryPrimitives.ReadInt32BigEndian(value);
        if (dimensions == 0)
        {
            return [];
        }

        var count = BinaryPrimitives.ReadInt32BigEndian(value[12..]);
        var position = 12 + (8 * dimensions);
        var elements = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(value[position..]);
            position += 4;
            if (length >= 0)
            {
                elements[i] = System.Text.Encoding.UTF8.GetString(value.Slice(position, length));
                position += length;
            }
        }

        return elements;
    }
}

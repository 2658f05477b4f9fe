using System.Buffers;
using System.Numerics;

namespace Backups.Snapshots.Columnar;

/// <summary>
/// Parquet's RLE / bit-packing hybrid, for definition levels and dictionary indices: a run of eight or more equal
/// values becomes one RLE run; anything else is bit-packed in groups of eight (the last group padded with zeros,
/// which readers ignore because the page header gives the count).
/// </summary>
internal static class RleHybrid
{
    private const int MaxGroupsPerRun = 63;

    /// <summary>The bit width that holds every value from 0 to <paramref name="maxValue"/> (at least 1).</summary>
    public static int BitWidth(int maxValue) => Math.Max(1, 32 - BitOperations.LeadingZeroCount((uint)maxValue));

    public static void Encode<T>(ReadOnlySpan<T> values, int bitWidth, IBufferWriter<byte> output)
        where T : unmanaged, IBinaryInteger<T>
    {
        ArgumentNullException.ThrowIfNull(output);
        var i = 0;
        var packedStart = -1;
        var packedGroups = 0;
        while (i < values.Length)
        {
            var rest = values[i..];
            var differs = rest.IndexOfAnyExcept(rest[0]);
            var run = differs < 0 ? rest.Length : differs;
            if (run >= 8)
            {
                if (packedGroups > 0)
                {
                    BitPack(values, packedStart, packedGroups, bitWidth, output);
                    packedGroups = 0;
                }

                Rle(int.CreateTruncating(rest[0]), run, bitWidth, output);
                i += run;
            }
            else
            {
                if (packedGroups == 0)
                {
                    packedStart = i;
                }

                packedGroups++;
                i += 8;
                if (packedGroups == MaxGroupsPerRun)
                {
                    BitPack(values, packedStart, packedGroups, bitWidth, output);
                    packedGroups = 0;
                }
            }
        }

        if (packedGroups > 0)
        {
            BitPack(values, packedStart, packedGroups, bitWidth, output);
        }
    }

    private static void Rle(int value, int count, int bitWidth, IBufferWriter<byte> output)
    {
        Varint.Write((uint)count << 1, output);
        var bytes = (bitWidth + 7) / 8;
        var span = output.GetSpan(bytes);
        for (var b = 0; b < bytes; b++)
        {
            span[b] = (byte)(value >> (8 * b));
        }

        output.Advance(bytes);
    }

    private static void BitPack<T>(ReadOnlySpan<T> values, int start, int groups, int bitWidth, IBufferWriter<byte> output)
        where T : unmanaged, IBinaryInteger<T>
    {
        Varint.Write(((uint)groups << 1) | 1, output);
        var count = groups * 8;
        var size = groups * bitWidth;
        var span = output.GetSpan(size);
        span[..size].Clear();
        ulong buffer = 0;
        var bits = 0;
        var o = 0;
        for (var k = 0; k < count; k++)
        {
            var index = start + k;
            var value = index < values.Length ? ulong.CreateTruncating(values[index]) : 0UL;
            buffer |= value << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                span[o++] = (byte)buffer;
                buffer >>= 8;
                bits -= 8;
            }
        }

        if (bits > 0)
        {
            span[o++] = (byte)buffer;
        }

        output.Advance(size);
    }

    /// <summary>Decodes exactly <paramref name="output"/>.Length values; returns the bytes of <paramref name="data"/> used.</summary>
    public static int Decode<T>(ReadOnlySpan<byte> data, int bitWidth, Span<T> output)
        where T : unmanaged, IBinaryInteger<T>
    {
        var position = 0;
        var produced = 0;
        var valueBytes = (bitWidth + 7) / 8;
        while (produced < output.Length)
        {
            var header = ReadVarint(data, ref position);
            if ((header & 1) == 0)
            {
                var run = (int)Math.Min(header >> 1, (ulong)(output.Length - produced));
                if (valueBytes > data.Length - position)
                {
                    throw new InvalidDataException("an RLE run ends early");
                }

                var value = 0;
                for (var b = 0; b < valueBytes; b++)
                {
                    value |= data[position++] << (8 * b);
                }

                output.Slice(produced, run).Fill(T.CreateTruncating(value));
                produced += run;
            }
            else
            {
                var groups = (int)(header >> 1);
                var bytes = groups * bitWidth;
                if (bytes > data.Length - position)
                {
                    throw new InvalidDataException("a bit-packed run ends early");
                }

                var packed = data.Slice(position, bytes);
                position += bytes;
                var count = Math.Min(groups * 8, output.Length - produced);
                var mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
                ulong buffer = 0;
                var bits = 0;
                var next = 0;
                for (var k = 0; k < count; k++)
                {
                    while (bits < bitWidth)
                    {
                        buffer |= (ulong)packed[next++] << bits;
                        bits += 8;
                    }

                    output[produced + k] = T.CreateTruncating((uint)buffer & mask);
                    buffer >>= bitWidth;
                    bits -= bitWidth;
                }

                produced += count;
            }
        }

        return position;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException("an RLE header ends early");
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("an RLE header is too long");
    }
}

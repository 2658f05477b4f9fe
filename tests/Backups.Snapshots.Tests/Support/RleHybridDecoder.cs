namespace Backups.Snapshots.Tests.Support;

/// <summary>A decoder of Parquet's RLE / bit-packing hybrid written from the format's description, to check the encoder against.</summary>
internal static class RleHybridDecoder
{
    public static List<int> Decode(ReadOnlySpan<byte> data, int bitWidth, int count)
    {
        var values = new List<int>();
        var position = 0;
        while (values.Count < count)
        {
            var header = ReadVarint(data, ref position);
            if ((header & 1) == 0)
            {
                var run = (int)(header >> 1);
                var bytes = (bitWidth + 7) / 8;
                var value = 0;
                for (var b = 0; b < bytes; b++)
                {
                    value |= data[position++] << (8 * b);
                }

                values.AddRange(Enumerable.Repeat(value, run));
            }
            else
            {
                var groups = (int)(header >> 1);
                var bitPosition = position * 8;
                for (var i = 0; i < groups * 8; i++)
                {
                    var value = 0;
                    for (var bit = 0; bit < bitWidth; bit++, bitPosition++)
                    {
                        if ((data[bitPosition / 8] & (1 << (bitPosition % 8))) != 0)
                        {
                            value |= 1 << bit;
                        }
                    }

                    values.Add(value);
                }

                position += groups * bitWidth;
            }
        }

        if (position != data.Length)
        {
            throw new InvalidDataException($"{data.Length - position} bytes left after {count} values");
        }

        return values.GetRange(0, count);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }

            shift += 7;
        }
    }
}

using System.Buffers;

namespace Backups.Snapshots.Columnar;

/// <summary>Unsigned LEB128 integers, as Thrift's compact protocol and Parquet's RLE hybrid write them.</summary>
internal static class Varint
{
    public static void Write(ulong value, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        output.Advance(i);
    }
}

using System.Runtime.InteropServices;

namespace Backups.Snapshots.Columnar;

/// <summary>
/// Uuid columns: FIXED_LEN_BYTE_ARRAY(16) in RFC 4122 byte order. Each value's 16 bytes are kept as they came in a
/// 16-byte slot (the slot's numeric meaning is irrelevant), so the plain encoding is the slots' memory.
/// </summary>
internal sealed class UuidChunkBuffer(ManifestColumn column) : FixedChunkBuffer<Int128>(column)
{
    public override void AppendUuid(ReadOnlySpan<byte> value)
    {
        if (value.Length != ParquetLeaf.UuidLength)
        {
            throw new ArgumentException($"column '{Column.Name}': a UUID has 16 bytes, the source handed {value.Length}");
        }

        Push(MemoryMarshal.Read<Int128>(value));
    }
}

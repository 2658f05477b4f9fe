using System.Buffers.Binary;
using System.Numerics;

namespace Backups.Snapshots.Columnar;

/// <summary>
/// Builds the dictionary of a byte-array column chunk: the distinct values in order of first appearance and, for
/// every value, its index. Gives up (and the chunk is written plain) when the dictionary would pass its size limit
/// or the values are mostly distinct, where a dictionary costs more than it saves.
/// </summary>
internal sealed class ByteArrayDictionary : IDisposable
{
    /// <summary>The largest dictionary page (plain-encoded values), as Parquet writers commonly allow.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const int Checkpoint = 4096;

    private int[] _slots = [];
    private int[] _entryValue = [];
    private uint[] _entryHash = [];
    private int[] _indices = [];

    /// <summary>Distinct values found.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes of the dictionary page before compression (4-byte length and bytes per value).</summary>
    public long PlainBytes { get; private set; }

    /// <summary>For each non-null value of the chunk, its dictionary index.</summary>
    public ReadOnlySpan<int> Indices(int values) => _indices.AsSpan(0, values);

    /// <summary>The value index (within the chunk) of the dictionary entry's first appearance.</summary>
    public int EntryValue(int entry) => _entryValue[entry];

    public bool TryBuild(ByteArrayChunkBuffer column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var values = column.ValueCount;
        Count = 0;
        PlainBytes = 0;
        if (values == 0)
        {
            return false;
        }

        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, Math.Min(values, MaxBytes / 4) * 2));
        PooledArrays.Rent(ref _slots, size);
        _slots.AsSpan(0, size).Clear();
        PooledArrays.Rent(ref _indices, values);
        var mask = size - 1;
        var data = column.Data;
        var ends = column.Ends;
        var start = 0;
        for (var v = 0; v < values; v++)
        {
            var end = ends[v];
            var value = data[start..end];
            var hash = Hash(value);
            var slot = (int)(hash & (uint)mask);
            while (true)
            {
                var entry = _slots[slot];
                if (entry == 0)
                {
                    PlainBytes += 4 + value.Length;
                    if (PlainBytes > MaxBytes || Count == size / 2)
                    {
                        return false;
                    }

                    Add(v, hash);
                    _slots[slot] = Count;
                    _indices[v] = Count - 1;
                    break;
                }

                if (_entryHash[entry - 1] == hash && column.Value(_entryValue[entry - 1]).SequenceEqual(value))
                {
                    _indices[v] = entry - 1;
                    break;
                }

                slot = (slot + 1) & mask;
            }

            start = end;
            if (v + 1 == Checkpoint && Count > Checkpoint * 3 / 4)
            {
                return false;
            }
        }

        // A dictionary of mostly distinct values plus the indices is no smaller than the values themselves.
        var indexBytes = (long)values * RleHybrid.BitWidth(Count - 1) / 8;
        var plainBytes = data.Length + (4L * values);
        return PlainBytes + indexBytes < plainBytes * 9 / 10;
    }

    public void Dispose()
    {
        PooledArrays.Return(ref _slots);
        PooledArrays.Return(ref _entryValue);
        PooledArrays.Return(ref _entryHash);
        PooledArrays.Return(ref _indices);
    }

    private void Add(int value, uint hash)
    {
        if (Count == _entryValue.Length)
        {
            PooledArrays.Grow(ref _entryValue, Count + 1);
            PooledArrays.Grow(ref _entryHash, Count + 1);
        }

        _entryValue[Count] = value;
        _entryHash[Count] = hash;
        Count++;
    }

    /// <summary>A fast 32-bit hash of a byte string (multiply-xorshift over 8-byte words).</summary>
    private static uint Hash(ReadOnlySpan<byte> value)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)value.Length;
        while (value.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(value)) * 0xFF51AFD7ED558CCDUL;
            h ^= h >> 32;
            value = value[8..];
        }

        if (!value.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < value.Length; i++)
            {
                tail |= (ulong)value[i] << (8 * i);
            }

            h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
        }

        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        return (uint)(h ^ (h >> 32));
    }
}

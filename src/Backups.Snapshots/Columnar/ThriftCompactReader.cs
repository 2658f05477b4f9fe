using System.Text;

namespace Backups.Snapshots.Columnar;

/// <summary>
/// Reads Thrift's compact protocol (the encoding of Parquet's footer and page headers): fields one at a time, with
/// whatever a caller does not ask for skipped by type. Throws <see cref="InvalidDataException"/> on anything malformed.
/// </summary>
internal ref struct ThriftCompactReader
{
    public const byte TypeTrue = 1;
    public const byte TypeFalse = 2;
    public const byte TypeList = 9;
    public const byte TypeStruct = 12;

    private const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _data;
    private readonly short[] _outer;
    private int _depth;
    private short _lastId;

    public ThriftCompactReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _outer = new short[MaxDepth];
    }

    /// <summary>Bytes read so far.</summary>
    public int Position { get; private set; }

    /// <summary>The next field of the current struct; false at its stop byte.</summary>
    public bool NextField(out short id, out byte type)
    {
        var header = Byte();
        if (header == 0)
        {
            id = 0;
            type = 0;
            return false;
        }

        type = (byte)(header & 0x0F);
        var delta = header >> 4;
        id = delta != 0 ? (short)(_lastId + delta) : (short)ZigZag(Varint());
        _lastId = id;
        return true;
    }

    /// <summary>Enters a struct-valued field or list element; read its fields until <see cref="NextField"/> is false, then <see cref="EndStruct"/>.</summary>
    public void BeginStruct()
    {
        if (_depth == MaxDepth)
        {
            throw new InvalidDataException("Thrift structures nest too deep");
        }

        _outer[_depth++] = _lastId;
        _lastId = 0;
    }

    public void EndStruct() => _lastId = _outer[--_depth];

    public int I32() => checked((int)ZigZag(Varint()));

    public long I64() => ZigZag(Varint());

    public static bool Bool(byte fieldType) => fieldType == TypeTrue;

    public ReadOnlySpan<byte> Binary()
    {
        var length = checked((int)Varint());
        if (length < 0 || length > _data.Length - Position)
        {
            throw new InvalidDataException("a Thrift string runs past its data");
        }

        var value = _data.Slice(Position, length);
        Position += length;
        return value;
    }

    public string String() => Encoding.UTF8.GetString(Binary());

    public (byte ElementType, int Count) ListHeader()
    {
        var header = Byte();
        var count = header >> 4;
        return ((byte)(header & 0x0F), count == 15 ? checked((int)Varint()) : count);
    }

    /// <summary>Skips a value of the given compact type.</summary>
    public void Skip(byte type)
    {
        switch (type)
        {
            case TypeTrue or TypeFalse:
                break;
            case 3:
                Byte();
                break;
            case 4 or 5 or 6:
                Varint();
                break;
            case 7:
                Advance(8);
                break;
            case 8:
                Binary();
                break;
            case TypeList or 10:
                var (element, count) = ListHeader();
                for (var i = 0; i < count; i++)
                {
                    if (element is TypeTrue or TypeFalse)
                    {
                        Byte();
                    }
                    else
                    {
                        Skip(element);
                    }
                }

                break;
            case 11:
                var size = checked((int)Varint());
                var types = size == 0 ? (byte)0 : Byte();
                for (var i = 0; i < size; i++)
                {
                    Skip((byte)(types >> 4));
                    Skip((byte)(types & 0x0F));
                }

                break;
            case TypeStruct:
                BeginStruct();
                while (NextField(out _, out var fieldType))
                {
                    Skip(fieldType);
                }

                EndStruct();
                break;
            default:
                throw new InvalidDataException($"unknown Thrift compact type {type}");
        }
    }

    private byte Byte()
    {
        if (Position >= _data.Length)
        {
            throw new InvalidDataException("Thrift data ends early");
        }

        return _data[Position++];
    }

    private void Advance(int count)
    {
        if (count > _data.Length - Position)
        {
            throw new InvalidDataException("Thrift data ends early");
        }

        Position += count;
    }

    private ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("a Thrift varint is too long");
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}

using System.Buffers;
using System.Text;

namespace Backups.Snapshots.Columnar;

/// <summary>
/// Writes Thrift's compact protocol, the encoding of Parquet's page headers and footer: field headers as deltas of
/// field ids, integers as zigzag varints, booleans folded into the field header. Only what Parquet needs.
/// </summary>
internal sealed class ThriftCompactWriter(IBufferWriter<byte> output)
{
    private const byte TypeTrue = 1;
    private const byte TypeFalse = 2;
    private const byte TypeByte = 3;
    private const byte TypeI32 = 5;
    private const byte TypeI64 = 6;
    private const byte TypeBinary = 8;
    private const byte TypeList = 9;
    private const byte TypeStruct = 12;

    private readonly Stack<short> _outer = new();
    private short _lastId;

    public void I32(short id, int value)
    {
        Header(id, TypeI32);
        Varint(ZigZag(value));
    }

    public void I64(short id, long value)
    {
        Header(id, TypeI64);
        Varint(ZigZag(value));
    }

    public void Byte(short id, sbyte value)
    {
        Header(id, TypeByte);
        Raw((byte)value);
    }

    public void Bool(short id, bool value) => Header(id, value ? TypeTrue : TypeFalse);

    public void Binary(short id, ReadOnlySpan<byte> value)
    {
        Header(id, TypeBinary);
        Bytes(value);
    }

    public void String(short id, string value)
    {
        Header(id, TypeBinary);
        StringValue(value);
    }

    /// <summary>Starts a struct-valued field; its fields follow, then <see cref="EndStruct"/>.</summary>
    public void BeginStruct(short id)
    {
        Header(id, TypeStruct);
        Nest();
    }

    /// <summary>Ends the struct begun last (a field's or a list element's) with the stop byte.</summary>
    public void EndStruct()
    {
        Raw(0);
        _lastId = _outer.Pop();
    }

    /// <summary>Ends the top-level struct.</summary>
    public void Stop() => Raw(0);

    /// <summary>A struct that holds nothing (the members of Parquet's logical-type unions).</summary>
    public void EmptyStruct(short id)
    {
        BeginStruct(id);
        EndStruct();
    }

    public void BeginStructList(short id, int count) => ListHeader(id, TypeStruct, count);

    /// <summary>Starts one struct element of a list; its fields follow, then <see cref="EndStruct"/>.</summary>
    public void BeginListStruct() => Nest();

    public void I32List(short id, ReadOnlySpan<int> values)
    {
        ListHeader(id, TypeI32, values.Length);
        foreach (var value in values)
        {
            Varint(ZigZag(value));
        }
    }

    public void StringList(short id, IReadOnlyList<string> values)
    {
        ListHeader(id, TypeBinary, values.Count);
        foreach (var value in values)
        {
            StringValue(value);
        }
    }

    private void Nest()
    {
        _outer.Push(_lastId);
        _lastId = 0;
    }

    private void ListHeader(short id, byte elementType, int count)
    {
        Header(id, TypeList);
        if (count < 15)
        {
            Raw((byte)((count << 4) | elementType));
        }
        else
        {
            Raw((byte)(0xF0 | elementType));
            Varint((ulong)count);
        }
    }

    private void Header(short id, byte type)
    {
        var delta = id - _lastId;
        if (delta is > 0 and <= 15)
        {
            Raw((byte)((delta << 4) | type));
        }
        else
        {
            Raw(type);
            Varint(ZigZag(id));
        }

        _lastId = id;
    }

    private void StringValue(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Varint((ulong)length);
        var span = output.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        output.Advance(length);
    }

    private void Bytes(ReadOnlySpan<byte> value)
    {
        Varint((ulong)value.Length);
        value.CopyTo(output.GetSpan(value.Length));
        output.Advance(value.Length);
    }

    private void Raw(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private void Varint(ulong value) => Columnar.Varint.Write(value, output);

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}

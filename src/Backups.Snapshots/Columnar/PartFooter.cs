using System.Buffers.Binary;

namespace Backups.Snapshots.Columnar;

/// <summary>What the decoder needs of a Parquet footer: the writer, the leaves, and where each column chunk is.</summary>
internal sealed record PartFooter(string? CreatedBy, IReadOnlyList<(string Name, PhysicalType Type, bool Optional)> Leaves, IReadOnlyList<PartFooter.RowGroup> RowGroups)
{
    /// <summary>Whether this tool's own encoder wrote the file (the only files the decoder reads).</summary>
    public bool WrittenByThisTool => CreatedBy?.StartsWith(PartWriterIdentity.Prefix, StringComparison.Ordinal) == true;

    public static PartFooter Read(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Span<byte> tail = stackalloc byte[8];
        file.Seek(-8, SeekOrigin.End);
        file.ReadExactly(tail);
        if (!tail[4..].SequenceEqual("PAR1"u8))
        {
            throw new InvalidDataException("not a Parquet file (no PAR1 at its end)");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (length <= 0 || length > file.Length - 12)
        {
            throw new InvalidDataException("the Parquet footer length is out of range");
        }

        var footer = new byte[length];
        file.Seek(-8 - length, SeekOrigin.End);
        file.ReadExactly(footer);
        return Parse(footer);
    }

    private static PartFooter Parse(ReadOnlySpan<byte> footer)
    {
        var r = new ThriftCompactReader(footer);
        string? createdBy = null;
        var leaves = new List<(string, PhysicalType, bool)>();
        var groups = new List<RowGroup>();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 2 when type == ThriftCompactReader.TypeList:
                    var (_, count) = r.ListHeader();
                    for (var i = 0; i < count; i++)
                    {
                        var element = SchemaElement(ref r);
                        if (i > 0)
                        {
                            leaves.Add(element);
                        }
                    }

                    break;
                case 4 when type == ThriftCompactReader.TypeList:
                    var (_, rowGroups) = r.ListHeader();
                    for (var i = 0; i < rowGroups; i++)
                    {
                        groups.Add(ReadRowGroup(ref r));
                    }

                    break;
                case 6:
                    createdBy = r.String();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        return new PartFooter(createdBy, leaves, groups);
    }

    private static (string, PhysicalType, bool) SchemaElement(ref ThriftCompactReader r)
    {
        r.BeginStruct();
        var name = "";
        var physical = (PhysicalType)(-1);
        var optional = false;
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    physical = (PhysicalType)r.I32();
                    break;
                case 3:
                    optional = r.I32() == 1;
                    break;
                case 4:
                    name = r.String();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        r.EndStruct();
        return (name, physical, optional);
    }

    private static RowGroup ReadRowGroup(ref ThriftCompactReader r)
    {
        r.BeginStruct();
        var chunks = new List<Chunk>();
        long rows = 0;
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactReader.TypeList:
                    var (_, count) = r.ListHeader();
                    for (var i = 0; i < count; i++)
                    {
                        chunks.Add(ReadChunk(ref r));
                    }

                    break;
                case 3:
                    rows = r.I64();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        r.EndStruct();
        return new RowGroup(rows, chunks);
    }

    private static Chunk ReadChunk(ref ThriftCompactReader r)
    {
        r.BeginStruct();
        var chunk = new Chunk();
        while (r.NextField(out var id, out var type))
        {
            if (id == 3 && type == ThriftCompactReader.TypeStruct)
            {
                r.BeginStruct();
                while (r.NextField(out var field, out var fieldType))
                {
                    switch (field)
                    {
                        case 4:
                            chunk = chunk with { Codec = r.I32() };
                            break;
                        case 5:
                            chunk = chunk with { Values = r.I64() };
                            break;
                        case 7:
                            chunk = chunk with { CompressedSize = r.I64() };
                            break;
                        case 9:
                            chunk = chunk with { DataPageOffset = r.I64() };
                            break;
                        case 11:
                            chunk = chunk with { DictionaryPageOffset = r.I64() };
                            break;
                        default:
                            r.Skip(fieldType);
                            break;
                    }
                }

                r.EndStruct();
            }
            else
            {
                r.Skip(type);
            }
        }

        r.EndStruct();
        return chunk;
    }

    public sealed record RowGroup(long Rows, IReadOnlyList<Chunk> Chunks);

    public sealed record Chunk(int Codec = -1, long Values = 0, long CompressedSize = 0, long DataPageOffset = 0, long? DictionaryPageOffset = null)
    {
        public long Start => DictionaryPageOffset ?? DataPageOffset;
    }
}

namespace Backups.Snapshots.Columnar;

/// <summary>Boolean columns: BOOLEAN, whose plain encoding packs the values into bits.</summary>
internal sealed class BooleanChunkBuffer(ManifestColumn column) : FixedChunkBuffer<bool>(column)
{
    public override void AppendBoolean(bool value) => Push(value);

    public override ColumnChunkInfo Encode(ChunkEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        return encoder.EncodeBooleans(this, Values);
    }
}

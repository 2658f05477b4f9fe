namespace Backups.Snapshots.Columnar;

/// <summary>Float32 columns: FLOAT, bit for bit (NaN payloads and negative zero included); no min/max statistics.</summary>
internal sealed class Float32ChunkBuffer(ManifestColumn column) : FixedChunkBuffer<float>(column)
{
    public override void AppendFloat32(float value) => Push(value);
}

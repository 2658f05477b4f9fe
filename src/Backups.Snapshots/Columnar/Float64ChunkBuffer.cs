namespace Backups.Snapshots.Columnar;

/// <summary>Float64 columns: DOUBLE, bit for bit (NaN payloads and negative zero included); no min/max statistics.</summary>
internal sealed class Float64ChunkBuffer(ManifestColumn column) : FixedChunkBuffer<double>(column)
{
    public override void AppendFloat64(double value) => Push(value);
}

namespace Backups.Snapshots.Columnar;

/// <summary>Parquet's encodings (the values of its Thrift enum <c>Encoding</c>) that snapshots use.</summary>
internal enum PageEncoding
{
    Plain = 0,
    Rle = 3,
    RleDictionary = 8,
}

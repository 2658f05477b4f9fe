namespace Backups.Snapshots;

/// <summary>One Parquet file of a table.</summary>
/// <param name="Key">The object key relative to the store root.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the whole object, 64 lowercase hex digits.</param>
/// <param name="RowCount">Rows in the file.</param>
public sealed record ManifestPart(string Key, long Size, string Sha256, long RowCount);

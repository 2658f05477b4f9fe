namespace Backups.Storage;

/// <summary>
/// A flat key/value object store (S3 bucket prefix or local directory). Keys use '/' separators and
/// are relative to the store's root. Optional abilities (archive storage classes) are separate interfaces.
/// </summary>
public interface IObjectStore : IObjectReader, IObjectWriter, IObjectLister, IObjectDeleter
{
    /// <summary>The store's URL without credentials, e.g. <c>s3://bucket/prefix</c> or <c>file:///var/lib/backups</c>.</summary>
    string Url { get; }
}

namespace Backups.Storage;

/// <summary>
/// Writes objects. A write is atomic: readers see the whole object or nothing, never a prefix.
/// The content stream is read to its end; it need not be seekable.
/// </summary>
public interface IObjectWriter
{
    Task PutAsync(string key, Stream content, CancellationToken cancellationToken);
}

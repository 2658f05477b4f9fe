using System.Security.Cryptography;
using Backups.Storage;

namespace Backups.Snapshots.Reading;

/// <summary>An object copied from the store into a local temporary file, with its size and SHA-256. Disposing deletes the file.</summary>
internal sealed class DownloadedObject : IDisposable
{
    private const int BufferSize = 1 << 16;

    private DownloadedObject(string path, long size, string sha256)
    {
        Path = path;
        Size = size;
        Sha256 = sha256;
    }

    public string Path { get; }

    public long Size { get; }

    /// <summary>Lowercase hex.</summary>
    public string Sha256 { get; }

    /// <summary>Copies <paramref name="key"/> into a new file in <paramref name="directory"/>, hashing as it goes.</summary>
    public static async Task<DownloadedObject> DownloadAsync(
        IObjectReader store, string key, string directory, Action<long>? bytesRead, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(directory, $"backups-read-{Guid.NewGuid():N}.tmp");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            var source = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var target = new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    Options = FileOptions.Asynchronous,
                    BufferSize = 0,
                });
                await using (target.ConfigureAwait(false))
                {
                    var buffer = new byte[BufferSize];
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        size += read;
                        bytesRead?.Invoke(read);
                    }
                }
            }

            return new DownloadedObject(path, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public void Dispose() => File.Delete(Path);
}

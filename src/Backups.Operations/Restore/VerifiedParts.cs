using System.Security.Cryptography;
using Backups.Snapshots;
using Backups.Storage;

namespace Backups.Operations.Restore;

/// <summary>
/// Local copies of a snapshot's table files, each checked against the manifest (size and SHA-256) as it is
/// downloaded, and served back as an <see cref="IObjectReader"/> so that <see cref="SnapshotReader"/> reads them
/// from disk. Nothing of a table is used until every one of its parts is verified: a corrupt object is found
/// before its table is touched. Disposing deletes the directory.
/// </summary>
internal sealed class VerifiedParts : IObjectReader, IDisposable
{
    private const int BufferSize = 1 << 17;
    private readonly string _directory;
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public VerifiedParts(string? tempDirectory)
    {
        _directory = Path.Combine(tempDirectory ?? Path.GetTempPath(), $"backups-parts-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(_directory);
    }

    /// <summary>The directory holding the copies.</summary>
    public string Root => _directory;

    /// <summary>The local file of a verified part.</summary>
    public string PathOf(string key)
    {
        lock (_gate)
        {
            return _paths.TryGetValue(key, out var path) ? path : throw new ObjectNotFoundException(_directory, key);
        }
    }

    /// <summary>
    /// Downloads every part of <paramref name="table"/> not yet here and verifies it. Throws
    /// <see cref="SnapshotCorruptException"/> naming the first object whose size or SHA-256 differs from the manifest.
    /// </summary>
    public async Task AddAsync(IObjectReader store, ManifestTable table, Action<long>? bytesRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(table);
        foreach (var part in table.Parts)
        {
            lock (_gate)
            {
                if (_paths.ContainsKey(part.Key))
                {
                    continue;
                }
            }

            var path = System.IO.Path.Combine(_directory, $"{Guid.NewGuid():N}.parquet");
            try
            {
                var (size, sha256) = await CopyAsync(store, part.Key, path, bytesRead, cancellationToken);
                if (size != part.Size)
                {
                    throw new SnapshotCorruptException(part.Key, $"{part.Size} bytes", $"{size} bytes");
                }

                if (!string.Equals(sha256, part.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw new SnapshotCorruptException(part.Key, $"SHA-256 {part.Sha256}", $"SHA-256 {sha256}");
                }
            }
            catch
            {
                File.Delete(path);
                throw;
            }

            lock (_gate)
            {
                _paths[part.Key] = path;
            }
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_paths.TryGetValue(key, out var path) ? new ObjectInfo(key, new FileInfo(path).Length) : null);
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory is harmless.
        }
    }

    private static async Task<(long Size, string Sha256)> CopyAsync(IObjectReader store, string key, string path, Action<long>? bytesRead, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var source = await store.OpenReadAsync(key, cancellationToken);
        await using (source)
        {
            var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
            await using (target)
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    size += read;
                    bytesRead?.Invoke(read);
                }
            }
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}

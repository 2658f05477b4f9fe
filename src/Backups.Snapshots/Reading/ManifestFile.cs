using System.Security.Cryptography;
using Backups.Storage;

namespace Backups.Snapshots.Reading;

/// <summary>Reading a manifest and checking it against its checksum file.</summary>
internal static class ManifestFile
{
    public static async Task<byte[]> ReadBytesAsync(IObjectReader store, string key, CancellationToken cancellationToken)
    {
        var stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }

    /// <summary>The object's bytes, or null when it does not exist.</summary>
    public static async Task<byte[]?> TryReadBytesAsync(IObjectReader store, string key, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadBytesAsync(store, key, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Null when the manifest matches its checksum file; otherwise the problem, naming the object at fault.</summary>
    public static SnapshotCorruptException? CheckChecksum(string id, byte[] manifest, byte[]? checksumFile)
    {
        var checksumKey = SnapshotKeys.ManifestChecksum(id);
        if (checksumFile is null)
        {
            return new SnapshotCorruptException(checksumKey, "the manifest's checksum file", "no such object");
        }

        var expected = ManifestJson.ParseChecksumFile(checksumFile);
        if (expected is null)
        {
            return new SnapshotCorruptException(
                checksumKey, $"one line '<sha256 hex>  {SnapshotKeys.ManifestFileName}'", $"{checksumFile.Length} bytes of something else");
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(manifest));
        return actual == expected
            ? null
            : new SnapshotCorruptException(SnapshotKeys.Manifest(id), $"SHA-256 {expected} (from {SnapshotKeys.ManifestChecksumFileName})", $"SHA-256 {actual}");
    }

    /// <summary>Parses the manifest of snapshot <paramref name="id"/>; throws <see cref="SnapshotFormatException"/>.</summary>
    public static Manifest Parse(string id, byte[] manifest)
    {
        var key = SnapshotKeys.Manifest(id);
        var parsed = ManifestJson.Parse(manifest, key);
        return parsed.Id == id
            ? parsed
            : throw new SnapshotFormatException(key, $"it describes snapshot '{parsed.Id}', not '{id}'");
    }
}

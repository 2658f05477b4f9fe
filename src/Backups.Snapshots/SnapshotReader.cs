using System.Runtime.CompilerServices;
using Backups.Snapshots.Reading;
using Backups.Storage;

namespace Backups.Snapshots;

/// <summary>
/// Reads snapshots back: manifests, a table's rows as canonical CLR values (checking every part's size and SHA-256
/// first), and which snapshots a store holds.
/// </summary>
/// <param name="tempDirectory">Where parts are downloaded before reading; the system temporary directory when null.</param>
public sealed class SnapshotReader(string? tempDirectory = null)
{
    private readonly string _tempDirectory = tempDirectory ?? Path.GetTempPath();

    /// <summary>
    /// Reads and parses <c>snapshots/&lt;id&gt;/manifest.json</c>, checking it against its checksum file.
    /// Throws <see cref="ObjectNotFoundException"/> when there is no manifest, <see cref="SnapshotCorruptException"/>
    /// when it does not match its checksum, and <see cref="SnapshotFormatException"/> when it cannot be parsed.
    /// </summary>
    public async Task<Manifest> ReadManifestAsync(IObjectReader store, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        SnapshotId.Validate(id);
        var bytes = await ManifestFile.ReadBytesAsync(store, SnapshotKeys.Manifest(id), cancellationToken).ConfigureAwait(false);
        var checksum = await ManifestFile.TryReadBytesAsync(store, SnapshotKeys.ManifestChecksum(id), cancellationToken).ConfigureAwait(false);
        var problem = ManifestFile.CheckChecksum(id, bytes, checksum);
        return problem is null ? ManifestFile.Parse(id, bytes) : throw problem;
    }

    /// <summary>
    /// The rows of one table in stored order, each value of its column kind's canonical CLR type or null.
    /// Each part is downloaded to a temporary file; with <paramref name="verifyChecksums"/> its size and SHA-256 are
    /// compared with the manifest before any of its rows is returned (<see cref="SnapshotCorruptException"/> otherwise).
    /// Without it, damaged bytes reach the Parquet reader, which may then fail in any way (or not return).
    /// </summary>
    public async IAsyncEnumerable<object?[]> ReadRowsAsync(
        IObjectReader store,
        Manifest manifest,
        ManifestTable table,
        bool verifyChecksums = true,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(table);
        if (!manifest.Tables.Contains(table))
        {
            throw new ArgumentException($"table {table.QualifiedName} is not part of snapshot {manifest.Id}", nameof(table));
        }

        foreach (var part in table.Parts)
        {
            using var download = await DownloadedObject.DownloadAsync(store, part.Key, _tempDirectory, null, cancellationToken).ConfigureAwait(false);
            if (verifyChecksums)
            {
                if (download.Size != part.Size)
                {
                    throw new SnapshotCorruptException(part.Key, $"{part.Size} bytes", $"{download.Size} bytes");
                }

                if (!string.Equals(download.Sha256, part.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw new SnapshotCorruptException(part.Key, $"SHA-256 {part.Sha256}", $"SHA-256 {download.Sha256}");
                }
            }

            await foreach (var row in ParquetPart.ReadRowsAsync(download.Path, table, part, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    /// <summary>Ids of the complete snapshots in the store (those with a manifest), in id order (oldest first).</summary>
    public async IAsyncEnumerable<string> ListSnapshotIdsAsync(IObjectLister store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var directory in SnapshotDirectories.ListAsync(store, cancellationToken).ConfigureAwait(false))
        {
            if (directory.HasManifest)
            {
                yield return directory.Id;
            }
        }
    }

    /// <summary>Directories under <c>snapshots/</c> with objects but no manifest, with their objects, for garbage collection.</summary>
    public async IAsyncEnumerable<IncompleteSnapshot> ListIncompleteAsync(IObjectLister store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var directory in SnapshotDirectories.ListAsync(store, cancellationToken).ConfigureAwait(false))
        {
            if (!directory.HasManifest)
            {
                yield return new IncompleteSnapshot(directory.Id, directory.Objects);
            }
        }
    }
}

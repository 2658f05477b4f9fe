using System.Globalization;
using Backups.Snapshots.Reading;
using Backups.Storage;

namespace Backups.Snapshots;

/// <summary>
/// Re-reads every object of a snapshot and checks it against the manifest: the manifest against its checksum file
/// and itself (totals, keys), each part's size and SHA-256, and, for parts whose bytes match, their Parquet row count
/// and columns (damaged bytes are never handed to the Parquet reader). Reports every problem found;
/// a missing object is a problem, not an exception. Store failures (unreachable, archived objects) still throw.
/// </summary>
/// <param name="tempDirectory">Where parts are downloaded while checking; the system temporary directory when null.</param>
public sealed class SnapshotVerifier(string? tempDirectory = null)
{
    private readonly string _tempDirectory = tempDirectory ?? Path.GetTempPath();

    public async Task<VerifyReport> VerifyAsync(IObjectReader store, string id, IProgress<VerifyProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        SnapshotId.Validate(id);
        var problems = new List<VerifyProblem>();
        var manifestKey = SnapshotKeys.Manifest(id);
        var checksumKey = SnapshotKeys.ManifestChecksum(id);
        var objects = 0;
        long bytes = 0;
        var total = 2;

        progress?.Report(new VerifyProgress(objects, total, bytes, manifestKey));
        byte[] manifestBytes;
        try
        {
            manifestBytes = await ManifestFile.ReadBytesAsync(store, manifestKey, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException)
        {
            problems.Add(new VerifyProblem(manifestKey, "missing: without its manifest the snapshot is incomplete and invisible"));
            return new VerifyReport(id, problems, objects, bytes);
        }

        objects++;
        bytes += manifestBytes.Length;
        var checksum = await ManifestFile.TryReadBytesAsync(store, checksumKey, cancellationToken).ConfigureAwait(false);
        objects += checksum is null ? 0 : 1;
        bytes += checksum?.Length ?? 0;
        if (ManifestFile.CheckChecksum(id, manifestBytes, checksum) is { } mismatch)
        {
            problems.Add(new VerifyProblem(mismatch.Key, $"expected {mismatch.Expected}, found {mismatch.Actual}"));
        }

        Manifest manifest;
        try
        {
            manifest = ManifestFile.Parse(id, manifestBytes);
        }
        catch (SnapshotFormatException error)
        {
            problems.Add(new VerifyProblem(manifestKey, error.Problem));
            return new VerifyReport(id, problems, objects, bytes);
        }

        problems.AddRange(ManifestConsistency.Problems(manifest).Select(p => new VerifyProblem(manifestKey, p)));

        total += manifest.Tables.Sum(t => t.Parts.Count);
        foreach (var table in manifest.Tables)
        {
            foreach (var part in table.Parts)
            {
                progress?.Report(new VerifyProgress(objects, total, bytes, part.Key));
                DownloadedObject download;
                try
                {
                    download = await DownloadedObject.DownloadAsync(store, part.Key, _tempDirectory, null, cancellationToken).ConfigureAwait(false);
                }
                catch (ObjectNotFoundException)
                {
                    problems.Add(new VerifyProblem(part.Key, $"missing (a part of table {table.QualifiedName})"));
                    continue;
                }

                using (download)
                {
                    objects++;
                    bytes += download.Size;
                    var mismatches = CheckPart(part, download).ToList();
                    problems.AddRange(mismatches.Select(p => new VerifyProblem(part.Key, p)));
                    if (mismatches.Count == 0)
                    {
                        // Only bytes known to be the ones written are parsed: a Parquet reader fed damaged bytes
                        // may fail in any way, including never returning. The footer then checks the manifest.
                        var footer = await ParquetPart.InspectAsync(download.Path, table, part, cancellationToken).ConfigureAwait(false);
                        problems.AddRange(footer.Select(p => new VerifyProblem(part.Key, p)));
                    }
                }
            }
        }

        progress?.Report(new VerifyProgress(objects, total, bytes, null));
        return new VerifyReport(id, problems, objects, bytes);
    }

    private static IEnumerable<string> CheckPart(ManifestPart part, DownloadedObject download)
    {
        if (download.Size != part.Size)
        {
            yield return $"size: the manifest records {part.Size.ToString(CultureInfo.InvariantCulture)} bytes, the object has {download.Size.ToString(CultureInfo.InvariantCulture)}";
        }

        if (!string.Equals(download.Sha256, part.Sha256, StringComparison.Ordinal))
        {
            yield return $"SHA-256: the manifest records {part.Sha256}, the object hashes to {download.Sha256}";
        }
    }
}

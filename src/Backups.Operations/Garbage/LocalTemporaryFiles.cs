using System.Text.RegularExpressions;
using Backups.Snapshots;
using NodaTime;

namespace Backups.Operations.Garbage;

/// <summary>
/// Finds this program's own leftovers in the local temporary directory, by their exact name patterns (nothing else in
/// the directory is ever touched): a snapshot writer's <c>backups-&lt;snapshot id&gt;-&lt;32 hex&gt;/</c>, a restore's or
/// query's <c>backups-parts-&lt;32 hex&gt;/</c> and a reader's download <c>backups-read-&lt;32 hex&gt;.tmp</c>.
/// One is old enough once its newest file, and a writer's snapshot id, are both older than the grace period.
/// </summary>
internal static partial class LocalTemporaryFiles
{
    public static IReadOnlyList<LocalTemporaryGarbage> Find(string directory, Instant now, Duration grace)
    {
        var found = new List<LocalTemporaryGarbage>();
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = [.. new DirectoryInfo(directory).EnumerateFileSystemInfos()];
        }
        catch (DirectoryNotFoundException)
        {
            return found;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw TemporaryStorageException.For(directory, "the temporary files", e, verb: "list");
        }

        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            string? id = null;
            var match = entry is DirectoryInfo ? WriterDirectory().Match(entry.Name) : null;
            if (match is { Success: true })
            {
                id = match.Groups["id"].Value;
            }
            else if (!(entry is DirectoryInfo && PartsDirectory().IsMatch(entry.Name)) && !(entry is FileInfo && ReadFile().IsMatch(entry.Name)))
            {
                continue;
            }

            (int Files, long Bytes, Instant Newest) measured;
            try
            {
                measured = Measure(entry);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
            {
                continue; // removed meanwhile by its owner
            }

            var (files, bytes, newest) = measured;
            var age = now - newest;
            var started = id is not null && SnapshotId.TryGetStart(id, out var start) ? start : (Instant?)null;
            var sinceStart = started is { } s ? now - s : (Duration?)null;
            var eligible = age >= grace && (sinceStart is null || sinceStart >= grace);
            var reason = eligible
                ? $"last written {GarbageCollector.Describe(age)} ago (grace {GarbageCollector.Describe(grace)})"
                : $"last written only {GarbageCollector.Describe(age)} ago{(sinceStart is { } since && since < grace ? $", its snapshot began {GarbageCollector.Describe(since)} ago" : "")}: may still be in use (grace {GarbageCollector.Describe(grace)})";
            found.Add(new LocalTemporaryGarbage(entry.FullName, files, bytes, newest, id, eligible, reason));
        }

        return found;
    }

    public static void Delete(LocalTemporaryGarbage item)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            if (Directory.Exists(item.Path))
            {
                Directory.Delete(item.Path, recursive: true);
            }
            else
            {
                File.Delete(item.Path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw TemporaryStorageException.For(Path.GetDirectoryName(item.Path)!, Path.GetFileName(item.Path), e, verb: "delete");
        }
    }

    /// <summary>The files below <paramref name="entry"/>, their size, and the newest modification time of any of them (or of the entry).</summary>
    private static (int Files, long Bytes, Instant Newest) Measure(FileSystemInfo entry)
    {
        var newest = entry.LastWriteTimeUtc;
        if (entry is FileInfo file)
        {
            return (1, file.Length, Instant.FromDateTimeUtc(newest));
        }

        var files = 0;
        long bytes = 0;
        foreach (var each in ((DirectoryInfo)entry).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (each.LastWriteTimeUtc > newest)
            {
                newest = each.LastWriteTimeUtc;
            }

            if (each is FileInfo f)
            {
                files++;
                bytes += f.Length;
            }
        }

        return (files, bytes, Instant.FromDateTimeUtc(newest));
    }

    [GeneratedRegex("^backups-(?<id>[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8})-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex WriterDirectory();

    [GeneratedRegex("^backups-parts-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex PartsDirectory();

    [GeneratedRegex("^backups-read-[0-9a-f]{32}\\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex ReadFile();
}

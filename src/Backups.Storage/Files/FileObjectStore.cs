using System.Buffers;
using System.Runtime.CompilerServices;

namespace Backups.Storage.Files;

/// <summary>
/// An object store in a local directory: key "a/b/c" is the file "&lt;root&gt;/a/b/c".
/// A put writes a temporary file under "&lt;root&gt;/.tmp/", flushes it to disk and renames it into place,
/// so readers see the whole object or nothing. The ".tmp" directory is never listed, and keys may not start with it.
/// Files left in ".tmp" by a crashed process are invisible to readers; <c>backups gc</c> finds them through
/// <see cref="ITemporaryFileLister"/> and deletes those past its grace period.
/// </summary>
public sealed partial class FileObjectStore : IObjectStore
{
    internal const string TempDirectoryName = ".tmp";
    private const int CopyBufferSize = 1024 * 1024;

    private readonly string _root;
    private readonly string _tempDirectory;
    private readonly Func<string, Stream> _openTempFile;

    public FileObjectStore(string rootDirectory)
        : this(rootDirectory, openTempFile: null)
    {
    }

    /// <param name="rootDirectory">An absolute directory; created on the first put.</param>
    /// <param name="openTempFile">Opens the temporary file at the given path for writing (tests substitute a failing device).</param>
    internal FileObjectStore(string rootDirectory, Func<string, Stream>? openTempFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        if (!Path.IsPathFullyQualified(rootDirectory))
        {
            throw new ArgumentException($"the store directory must be an absolute path, not '{rootDirectory}'", nameof(rootDirectory));
        }

        var full = Path.GetFullPath(rootDirectory);
        _root = full.Length > 1 ? Path.TrimEndingDirectorySeparator(full) : full;
        _tempDirectory = Path.Combine(_root, TempDirectoryName);
        _openTempFile = openTempFile ?? OpenTempFile;
        Url = StoreUrl.ForDirectory(_root).ToString();
    }

    public string Url { get; }

    /// <summary>The absolute root directory.</summary>
    public string RootDirectory => _root;

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathFor(key);
        try
        {
            Stream stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
            return Task.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
                                  || (e is UnauthorizedAccessException && Directory.Exists(path)))
        {
            throw new ObjectNotFoundException(Url, key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable("read", path, e);
        }
    }

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathFor(key);
        try
        {
            var info = new FileInfo(path);
            return Task.FromResult(info.Exists ? new ObjectInfo(key, info.Length) : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable("inspect", path, e);
        }
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = PathFor(key);
        if (Directory.Exists(target))
        {
            throw new InvalidOperationException($"cannot put '{key}' in {Url}: other objects already use '{key}/' as a prefix");
        }

        var temp = Path.Combine(_tempDirectory, Guid.NewGuid().ToString("N"));
        try
        {
            await WriteTempFileAsync(temp, content, cancellationToken).ConfigureAwait(false);
            MoveIntoPlace(temp, target, key);
        }
        catch
        {
            TryDeleteFile(temp);
            throw;
        }
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectKey.ValidatePrefix(prefix);
        var slash = prefix.LastIndexOf('/');
        var directoryKey = slash < 0 ? string.Empty : prefix[..(slash + 1)];
        var namePrefix = prefix[(slash + 1)..];
        var directory = directoryKey.Length == 0 ? _root : Path.Combine(_root, directoryKey[..^1]);

        foreach (var item in Walk(directory, directoryKey, namePrefix, cancellationToken))
        {
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathFor(key);
        try
        {
            if (Directory.Exists(path))
            {
                return Task.CompletedTask;
            }

            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.CompletedTask;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable("delete", path, e);
        }

        PruneEmptyDirectories(Path.GetDirectoryName(path));
        return Task.CompletedTask;
    }

    internal string PathFor(string key)
    {
        ObjectKey.Validate(key);
        if (key == TempDirectoryName || key.StartsWith(TempDirectoryName + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"invalid object key '{key}': '{TempDirectoryName}/' is reserved by the file store", nameof(key));
        }

        return Path.Combine(_root, key);
    }

    private async Task WriteTempFileAsync(string temp, Stream content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            Stream file;
            try
            {
                Directory.CreateDirectory(_tempDirectory);
                file = _openTempFile(temp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Unavailable("create", temp, e);
            }

            await using (file.ConfigureAwait(false))
            {
                while (true)
                {
                    // Errors of the caller's content stream propagate unchanged; only write errors are the store's.
                    var read = await content.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    try
                    {
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        throw Unavailable("write", temp, e);
                    }
                }

                try
                {
                    await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                    if (file is FileStream fileStream)
                    {
                        fileStream.Flush(flushToDisk: true);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw Unavailable("write", temp, e);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void MoveIntoPlace(string temp, string target, string key)
    {
        var directory = Path.GetDirectoryName(target)!;

        // A concurrent delete may prune the parent directory between creating it and the rename: try again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.CreateDirectory(directory);
                File.Move(temp, target, overwrite: true);
                return;
            }
            catch (DirectoryNotFoundException) when (attempt < 3)
            {
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var conflict = ConflictingFile(directory);
                if (conflict is not null)
                {
                    throw new InvalidOperationException($"cannot put '{key}' in {Url}: the object '{conflict}' is in the way", e);
                }

                throw Unavailable("write", target, e);
            }
        }
    }

    private string? ConflictingFile(string directory)
    {
        for (var current = directory; current is not null && current.Length > _root.Length; current = Path.GetDirectoryName(current))
        {
            if (File.Exists(current))
            {
                return Path.GetRelativePath(_root, current).Replace(Path.DirectorySeparatorChar, '/');
            }
        }

        return null;
    }

    private IEnumerable<ObjectInfo> Walk(string directory, string directoryKey, string namePrefix, CancellationToken cancellationToken)
    {
        foreach (var (entry, sortName) in SortedEntries(directory, namePrefix))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry is DirectoryInfo)
            {
                if (directoryKey.Length == 0 && entry.Name == TempDirectoryName)
                {
                    continue;
                }

                foreach (var child in Walk(entry.FullName, directoryKey + sortName, string.Empty, cancellationToken))
                {
                    yield return child;
                }
            }
            else if (entry is FileInfo file)
            {
                yield return new ObjectInfo(directoryKey + sortName, file.Length);
            }
        }
    }

    /// <summary>
    /// Entries sorted so that a depth-first walk yields keys in ordinal order: a directory sorts as "name/",
    /// because every key below it starts with that.
    /// </summary>
    private List<(FileSystemInfo Entry, string SortName)> SortedEntries(string directory, string namePrefix)
    {
        var entries = new List<(FileSystemInfo, string)>();
        try
        {
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                if (!entry.Name.StartsWith(namePrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                entries.Add((entry, entry is DirectoryInfo ? entry.Name + "/" : entry.Name));
            }
        }
        catch (DirectoryNotFoundException)
        {
            return entries;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable("list", directory, e);
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Item2, b.Item2));
        return entries;
    }

    private void PruneEmptyDirectories(string? directory)
    {
        while (directory is not null && directory.Length > _root.Length && directory.StartsWith(_root, StringComparison.Ordinal))
        {
            try
            {
                Directory.Delete(directory, recursive: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }

            directory = Path.GetDirectoryName(directory);
        }
    }

    private static Stream OpenTempFile(string path) =>
        new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        });

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file is invisible to readers; an operator may remove it.
        }
    }

    private StoreUnavailableException Unavailable(string action, string path, Exception cause) =>
        new($"cannot {action} '{path}' in {Url}: {FileErrors.Describe(cause)}", cause);
}

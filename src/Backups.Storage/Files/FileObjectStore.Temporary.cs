using System.Runtime.CompilerServices;
using NodaTime;

namespace Backups.Storage.Files;

/// <summary>The store's own temporary files in <c>.tmp/</c>: each a put in progress, or left by a process that died during one.</summary>
public sealed partial class FileObjectStore : ITemporaryFileLister, ITemporaryFileDeleter
{
    public async IAsyncEnumerable<TemporaryFile> ListTemporaryFilesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = new List<TemporaryFile>();
        try
        {
            foreach (var file in new DirectoryInfo(_tempDirectory).EnumerateFiles())
            {
                files.Add(new TemporaryFile(file.Name, file.Length, Instant.FromDateTimeUtc(file.LastWriteTimeUtc)));
            }
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable("list", _tempDirectory, e);
        }

        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return file;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task DeleteTemporaryFileAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        cancellationToken.ThrowIfCancellationRequested();
        if (name is "." or ".." || name.IndexOfAny(['/', '\\']) >= 0)
        {
            throw new ArgumentException($"'{name}' is not the name of a file in {TempDirectoryName}/", nameof(name));
        }

        var path = Path.Combine(_tempDirectory, name);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable("delete", path, e);
        }

        return Task.CompletedTask;
    }
}

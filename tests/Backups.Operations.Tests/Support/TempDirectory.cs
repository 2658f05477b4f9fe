namespace Backups.Operations.Tests.Support;

/// <summary>
/// A fresh directory, deleted on dispose: in RAM (<c>/dev/shm</c>) where the system has it, since the directory store
/// syncs every object to disk and these tests write thousands of small objects; else the system temporary directory.
/// </summary>
internal sealed class TempDirectory : IDisposable
{
    private const string RamDisk = "/dev/shm";

    public TempDirectory()
    {
        var root = Directory.Exists(RamDisk) ? RamDisk : System.IO.Path.GetTempPath();
        Path = System.IO.Path.Combine(root, $"backups-ops-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using Backups.TestFixtures.Postgres;
using Backups.TestFixtures.Vacols;

namespace Backups.Restore.Tests.Support;

/// <summary>
/// A class fixture: a VACOLS-shaped PostgreSQL database (schema <c>vacols</c>) with one snapshot of it in a
/// directory store, shared read-only by the tests of a class; tests restore into databases of their own.
/// </summary>
public sealed class VacolsSnapshot : IAsyncLifetime
{
    private Workspace? _workspace;

    public PostgresServer Server { get; } = new();

    public string Source { get; private set; } = "";

    public string SnapshotId { get; private set; } = "";

    /// <summary>The table checksums of the source when the snapshot was taken.</summary>
    public IReadOnlyDictionary<string, string> Checksums { get; private set; } = new Dictionary<string, string>();

    internal Workspace Workspace => _workspace ?? throw new InvalidOperationException(PostgresServer.NotReachableMessage);

    public string Store => Workspace.StoreDirectory;

    public async Task InitializeAsync()
    {
        if (PostgresServer.Configured is null)
        {
            return;
        }

        _workspace = new Workspace();
        Source = await Server.CreateDatabaseAsync("restore_src");
        await VacolsFixture.BuildPostgresAsync(Source);
        Checksums = await Db.ChecksumsAsync(Source, VacolsFixture.DefaultSchema);
        SnapshotId = await _workspace.SnapshotAsync(Source, VacolsFixture.DefaultSchema);
    }

    public async Task DisposeAsync()
    {
        _workspace?.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A new, empty database on the same server.</summary>
    public Task<string> SpareAsync() => Server.CreateDatabaseAsync("restore_spare");

    /// <summary>A copy of the store in <paramref name="workspace"/> (for tests that damage it).</summary>
    internal void CopyStoreTo(Workspace workspace)
    {
        foreach (var file in Directory.EnumerateFiles(Store, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(workspace.StoreDirectory, Path.GetRelativePath(Store, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

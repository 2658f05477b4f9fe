using Backups.Catalog;

namespace Backups.Service.Hosting;

/// <summary>
/// Opens the catalog for one use. A catalog is a SQLite connection that must not be shared between threads,
/// and jobs of different policies run at once, so each use opens its own.
/// </summary>
internal sealed class CatalogFiles(string path)
{
    public string Path { get; } = path;

    public SnapshotCatalog Open() => SnapshotCatalog.Open(Path);
}

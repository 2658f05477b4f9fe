using NodaTime;

namespace Backups.Catalog;

/// <summary>One snapshot as the catalog indexes it: enough to list, find and plan without reading the store.</summary>
/// <param name="StoreUrl">The store that holds the snapshot (the source of truth).</param>
/// <param name="Id">Snapshot id, unique within its store.</param>
/// <param name="Policy">The policy that took it.</param>
/// <param name="SourceKind">postgres, sqlite or oracle.</param>
/// <param name="SourceDatabase">The database name (SQLite: the file).</param>
/// <param name="Started">When reading began.</param>
/// <param name="Completed">When the manifest was committed: the snapshot's point in time for retention.</param>
/// <param name="Tables">Number of tables.</param>
/// <param name="Rows">Total rows over all tables.</param>
/// <param name="Bytes">Total size of the snapshot's objects.</param>
/// <param name="ConsistencyPoint">The source's consistency point (PostgreSQL LSN, SCN, ...) as text.</param>
public sealed record CatalogEntry(
    string StoreUrl,
    string Id,
    string Policy,
    string SourceKind,
    string SourceDatabase,
    Instant Started,
    Instant Completed,
    int Tables,
    long Rows,
    long Bytes,
    string ConsistencyPoint);

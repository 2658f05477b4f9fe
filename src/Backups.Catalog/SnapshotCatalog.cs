using Microsoft.Data.Sqlite;
using NodaTime;

namespace Backups.Catalog;

/// <summary>
/// The snapshot index: a SQLite file that lists snapshots of every store without reading the stores.
/// It is only an index: <see cref="ReplaceStore"/> recreates a store's rows from the store alone.
/// It also keeps a copy of every store's audit log (<see cref="Audit"/>), restorable from the stores the same way.
/// </summary>
public sealed class SnapshotCatalog : IDisposable
{
    private const int SchemaVersion = 2;
    private readonly SqliteConnection _connection;

    private SnapshotCatalog(SqliteConnection connection)
    {
        _connection = connection;
        Audit = new CatalogAuditLog(connection);
        JobRuns = new CatalogJobRuns(connection);
    }

    public string Path { get; private init; } = "";

    /// <summary>The catalog's copy of the stores' audit logs (append-only).</summary>
    public CatalogAuditLog Audit { get; }

    /// <summary>When the service's scheduled jobs last ran (its misfire handling at start reads it).</summary>
    public CatalogJobRuns JobRuns { get; }

    /// <summary>Opens (creating if needed) the catalog file, upgrading its schema.</summary>
    public static SnapshotCatalog Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        connection.Open();
        var catalog = new SnapshotCatalog(connection) { Path = full };
        catalog.Migrate();
        return catalog;
    }

    private void Migrate()
    {
        Execute("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;");
        using var version = _connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        var current = Convert.ToInt32(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (current >= SchemaVersion)
        {
            return;
        }
        if (current < 1)
        {
            Execute("""
                CREATE TABLE IF NOT EXISTS snapshots (
                    store_url         TEXT    NOT NULL,
                    id                TEXT    NOT NULL,
                    policy            TEXT    NOT NULL,
                    source_kind       TEXT    NOT NULL,
                    source_database   TEXT    NOT NULL,
                    started_ticks     INTEGER NOT NULL,
                    completed_ticks   INTEGER NOT NULL,
                    tables            INTEGER NOT NULL,
                    rows              INTEGER NOT NULL,
                    bytes             INTEGER NOT NULL,
                    consistency_point TEXT    NOT NULL,
                    PRIMARY KEY (store_url, id)
                );
                CREATE INDEX IF NOT EXISTS snapshots_by_time ON snapshots (store_url, completed_ticks);
                PRAGMA user_version = 1;
                """);
        }
        if (current < 2)
        {
            CatalogAuditLog.CreateTable(_connection);
            CatalogJobRuns.CreateTable(_connection);
            Execute("PRAGMA user_version = 2;");
        }
    }

    /// <summary>Adds or updates one snapshot.</summary>
    public void Upsert(CatalogEntry entry)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO snapshots (store_url, id, policy, source_kind, source_database, started_ticks, completed_ticks, tables, rows, bytes, consistency_point)
            VALUES ($store, $id, $policy, $kind, $db, $started, $completed, $tables, $rows, $bytes, $cp)
            ON CONFLICT (store_url, id) DO UPDATE SET
                policy = excluded.policy, source_kind = excluded.source_kind, source_database = excluded.source_database,
                started_ticks = excluded.started_ticks, completed_ticks = excluded.completed_ticks, tables = excluded.tables,
                rows = excluded.rows, bytes = excluded.bytes, consistency_point = excluded.consistency_point
            """;
        Bind(command, entry);
        command.ExecuteNonQuery();
    }

    /// <summary>Replaces every row of one store with what the store holds now (catalog rebuild).</summary>
    public int ReplaceStore(string storeUrl, IEnumerable<CatalogEntry> entries)
    {
        using var transaction = _connection.BeginTransaction();
        using (var delete = _connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM snapshots WHERE store_url = $store";
            delete.Parameters.AddWithValue("$store", storeUrl);
            delete.ExecuteNonQuery();
        }
        var count = 0;
        foreach (var entry in entries)
        {
            if (entry.StoreUrl != storeUrl)
            {
                throw new ArgumentException($"entry {entry.Id} belongs to {entry.StoreUrl}, not {storeUrl}", nameof(entries));
            }
            using var insert = _connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO snapshots (store_url, id, policy, source_kind, source_database, started_ticks, completed_ticks, tables, rows, bytes, consistency_point)
                VALUES ($store, $id, $policy, $kind, $db, $started, $completed, $tables, $rows, $bytes, $cp)
                """;
            Bind(insert, entry);
            insert.ExecuteNonQuery();
            count++;
        }
        transaction.Commit();
        return count;
    }

    /// <summary>Removes one snapshot from the index (after it was expired from its store).</summary>
    public void Remove(string storeUrl, string id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "DELETE FROM snapshots WHERE store_url = $store AND id = $id";
        command.Parameters.AddWithValue("$store", storeUrl);
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    /// <summary>Snapshots of one store (or of all stores), oldest first.</summary>
    public IReadOnlyList<CatalogEntry> List(string? storeUrl = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = storeUrl is null
            ? "SELECT * FROM snapshots ORDER BY completed_ticks, id"
            : "SELECT * FROM snapshots WHERE store_url = $store ORDER BY completed_ticks, id";
        if (storeUrl is not null)
        {
            command.Parameters.AddWithValue("$store", storeUrl);
        }
        return Read(command);
    }

    /// <summary>Every indexed snapshot with this id (normally one; several when stores share ids).</summary>
    public IReadOnlyList<CatalogEntry> FindById(string id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT * FROM snapshots WHERE id = $id ORDER BY store_url";
        command.Parameters.AddWithValue("$id", id);
        return Read(command);
    }

    private static List<CatalogEntry> Read(SqliteCommand command)
    {
        var result = new List<CatalogEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new CatalogEntry(
                reader.GetString(reader.GetOrdinal("store_url")),
                reader.GetString(reader.GetOrdinal("id")),
                reader.GetString(reader.GetOrdinal("policy")),
                reader.GetString(reader.GetOrdinal("source_kind")),
                reader.GetString(reader.GetOrdinal("source_database")),
                Instant.FromUnixTimeTicks(reader.GetInt64(reader.GetOrdinal("started_ticks"))),
                Instant.FromUnixTimeTicks(reader.GetInt64(reader.GetOrdinal("completed_ticks"))),
                reader.GetInt32(reader.GetOrdinal("tables")),
                reader.GetInt64(reader.GetOrdinal("rows")),
                reader.GetInt64(reader.GetOrdinal("bytes")),
                reader.GetString(reader.GetOrdinal("consistency_point"))));
        }
        return result;
    }

    private static void Bind(SqliteCommand command, CatalogEntry entry)
    {
        command.Parameters.AddWithValue("$store", entry.StoreUrl);
        command.Parameters.AddWithValue("$id", entry.Id);
        command.Parameters.AddWithValue("$policy", entry.Policy);
        command.Parameters.AddWithValue("$kind", entry.SourceKind);
        command.Parameters.AddWithValue("$db", entry.SourceDatabase);
        command.Parameters.AddWithValue("$started", entry.Started.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$completed", entry.Completed.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$tables", entry.Tables);
        command.Parameters.AddWithValue("$rows", entry.Rows);
        command.Parameters.AddWithValue("$bytes", entry.Bytes);
        command.Parameters.AddWithValue("$cp", entry.ConsistencyPoint);
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}

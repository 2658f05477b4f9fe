using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Backups.Catalog;

/// <summary>
/// The catalog's copy of the stores' audit logs: every entry a store's <c>audit/</c> holds, under the same key, so that
/// <c>backups audit</c> can print the log of every store the catalog knows without reading them. Append-only: rows
/// are only ever added, by the writer right after the store's entry (<see cref="MirroredAuditLog"/>) or by a rebuild
/// that copies what the store has and the catalog lacks. The store's log stays the source of truth.
/// </summary>
public sealed class CatalogAuditLog
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly SqliteConnection _connection;

    internal CatalogAuditLog(SqliteConnection connection) => _connection = connection;

    internal static void CreateTable(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS audit (
                store_url   TEXT    NOT NULL,
                key         TEXT    NOT NULL,
                at_ticks    INTEGER NOT NULL,
                phase       TEXT    NOT NULL,
                action      TEXT    NOT NULL,
                entry_store TEXT    NOT NULL,
                snapshot_id TEXT,
                objects     TEXT    NOT NULL,
                before      TEXT,
                detail      TEXT,
                PRIMARY KEY (store_url, key)
            );
            CREATE INDEX IF NOT EXISTS audit_by_time ON audit (at_ticks, store_url, key);
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>Adds the entry stored under <paramref name="key"/> in <paramref name="storeUrl"/>; false when the catalog already has it.</summary>
    public bool Append(string storeUrl, string key, AuditEntry entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeUrl);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(entry);
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit (store_url, key, at_ticks, phase, action, entry_store, snapshot_id, objects, before, detail)
            VALUES ($store, $key, $at, $phase, $action, $entryStore, $snapshot, $objects, $before, $detail)
            ON CONFLICT (store_url, key) DO NOTHING
            """;
        command.Parameters.AddWithValue("$store", storeUrl);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$at", entry.At.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$phase", entry.Phase);
        command.Parameters.AddWithValue("$action", entry.Action);
        command.Parameters.AddWithValue("$entryStore", entry.StoreUrl);
        command.Parameters.AddWithValue("$snapshot", (object?)entry.SnapshotId ?? DBNull.Value);
        command.Parameters.AddWithValue("$objects", JsonSerializer.Serialize(entry.Objects, Json));
        command.Parameters.AddWithValue("$before", (object?)entry.Before ?? DBNull.Value);
        command.Parameters.AddWithValue("$detail", (object?)entry.Detail ?? DBNull.Value);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>The keys of the entries the catalog holds for one store.</summary>
    public IReadOnlySet<string> Keys(string storeUrl)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key FROM audit WHERE store_url = $store";
        command.Parameters.AddWithValue("$store", storeUrl);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    /// <summary>The entries of one store (every store when null) at or after <paramref name="since"/>, oldest first.</summary>
    public IReadOnlyList<CatalogAuditRecord> List(string? storeUrl = null, Instant? since = null)
    {
        using var command = _connection.CreateCommand();
        var where = new List<string>();
        if (storeUrl is not null)
        {
            where.Add("store_url = $store");
            command.Parameters.AddWithValue("$store", storeUrl);
        }
        if (since is { } from)
        {
            where.Add("at_ticks >= $since");
            command.Parameters.AddWithValue("$since", from.ToUnixTimeTicks());
        }
        command.CommandText = "SELECT * FROM audit"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY at_ticks, store_url, key";
        var result = new List<CatalogAuditRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var entry = new AuditEntry(
                Instant.FromUnixTimeTicks(reader.GetInt64(reader.GetOrdinal("at_ticks"))),
                reader.GetString(reader.GetOrdinal("phase")),
                reader.GetString(reader.GetOrdinal("action")),
                reader.GetString(reader.GetOrdinal("entry_store")),
                Text(reader, "snapshot_id"),
                JsonSerializer.Deserialize<List<AuditObject>>(reader.GetString(reader.GetOrdinal("objects")), Json) ?? [],
                Text(reader, "before"),
                Text(reader, "detail"));
            result.Add(new CatalogAuditRecord(reader.GetString(reader.GetOrdinal("store_url")), reader.GetString(reader.GetOrdinal("key")), entry));
        }
        return result;
    }

    /// <summary>How many entries the catalog holds for one store.</summary>
    public int Count(string storeUrl)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM audit WHERE store_url = $store";
        command.Parameters.AddWithValue("$store", storeUrl);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string? Text(SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}

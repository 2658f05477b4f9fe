using Backups.Operations;
using Backups.Snapshots;
using Backups.Sources;

namespace Backups.IntegrationTests.Support;

/// <summary>Reads what a snapshot holds, and what the source holds, through the libraries the command uses.</summary>
internal static class StoreAccess
{
    public static async Task<Manifest> ReadManifestAsync(Workspace workspace, string storeUrl, string id)
    {
        using var handle = StoreOpener.Open(storeUrl, workspace.GetEnvironmentVariable);
        return await new SnapshotReader(workspace.TempDirectory).ReadManifestAsync(handle.Store, id, CancellationToken.None);
    }

    /// <summary>Every row of one table of a snapshot, checksums verified.</summary>
    public static async Task<IReadOnlyList<object?[]>> ReadSnapshotRowsAsync(Workspace workspace, string storeUrl, Manifest manifest, ManifestTable table)
    {
        using var handle = StoreOpener.Open(storeUrl, workspace.GetEnvironmentVariable);
        var rows = new List<object?[]>();
        await foreach (var row in new SnapshotReader(workspace.TempDirectory).ReadRowsAsync(handle.Store, manifest, table, verifyChecksums: true))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every row of one table as a source session reads it (the tables of the selection, by name).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<object?[]>>> ReadSourceRowsAsync(string kind, string connection, string? schema)
    {
        var result = new Dictionary<string, IReadOnlyList<object?[]>>(StringComparer.Ordinal);
        await using var session = await SourceFactory.Create(kind, connection).OpenSnapshotAsync(new SourceSelection(schema, [], []), CancellationToken.None);
        foreach (var table in session.Tables)
        {
            var rows = new List<object?[]>();
            await foreach (var row in session.ReadRowsAsync(table, CancellationToken.None))
            {
                rows.Add((object?[])row.Clone());
            }

            result[table.Name] = rows;
        }

        return result;
    }
}

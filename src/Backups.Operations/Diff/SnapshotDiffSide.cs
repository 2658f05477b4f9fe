using Backups.Domain.Schema;
using Backups.Operations.Query;
using Backups.Operations.Restore;
using Backups.Snapshots;
using Backups.Storage;
using DuckDB.NET.Data;
using NodaTime.Text;

namespace Backups.Operations.Diff;

/// <summary>A snapshot table: its files downloaded and verified first, then read in stored order (key order when it has one).</summary>
internal sealed class SnapshotDiffSide : DiffSide
{
    private readonly ResolvedSnapshot _snapshot;
    private readonly ManifestTable _table;
    private readonly VerifiedParts _parts;

    private SnapshotDiffSide(ResolvedSnapshot snapshot, ManifestTable table, VerifiedParts parts)
    {
        _snapshot = snapshot;
        _table = table;
        _parts = parts;
        Schema = table.ToTableSchema();
        var manifest = snapshot.Manifest;
        Info = new DiffSideInfo(
            $"snapshot {manifest.Id} (started {InstantPattern.ExtendedIso.Format(manifest.StartedAt)}, {manifest.Source.Kind} {manifest.Source.Database})",
            manifest.Id,
            manifest.StartedAt,
            manifest.Source.Kind,
            table.Schema,
            table.Name,
            table.RowCount);
    }

    public override DiffSideInfo Info { get; }

    public override TableSchema Schema { get; }

    public static async Task<SnapshotDiffSide> OpenAsync(IObjectReader store, ResolvedSnapshot snapshot, ManifestTable table, string? tempDirectory, CancellationToken cancellationToken)
    {
        var parts = new VerifiedParts(tempDirectory);
        try
        {
            await parts.AddAsync(store, table, null, cancellationToken);
            return new SnapshotDiffSide(snapshot, table, parts);
        }
        catch
        {
            parts.Dispose();
            throw;
        }
    }

    public override IAsyncEnumerable<object?[]> ReadRowsAsync(CancellationToken cancellationToken) =>
        new SnapshotReader(_parts.Root).ReadRowsAsync(_parts, _snapshot.Manifest, _table, verifyChecksums: false, cancellationToken);

    public override Task<HashSet<string>> MatchingKeysAsync(string predicate, IReadOnlyList<DiffColumn> key, CancellationToken cancellationToken)
    {
        var files = _table.Parts.Select(p => _parts.PathOf(p.Key)).ToList();
        using var duck = SnapshotDuckDb.Open(_parts.Root, [(_table, files)]);
        var view = _table.Schema is { } schema && !string.Equals(schema, "main", StringComparison.OrdinalIgnoreCase)
            ? $"{SnapshotDuckDb.Ident(schema)}.{SnapshotDuckDb.Ident(_table.Name)}"
            : $"main.{SnapshotDuckDb.Ident(_table.Name)}";
        using var command = duck.Connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", key.Select(k => SnapshotDuckDb.Ident(k.Name)))} FROM {view} WHERE ({predicate})";
        var keys = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var reader = command.ExecuteReader();
            var values = new object?[key.Count];
            var indexes = Enumerable.Range(0, key.Count).ToArray();
            var kinds = key.Select(k => k.Kind).ToArray();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                keys.Add(KeyText.Compose(values, indexes, kinds));
            }
        }
        catch (DuckDBException e)
        {
            throw new OperationInputException($"--where: DuckDB cannot apply the predicate to snapshot {_snapshot.Manifest.Id}'s {_table.QualifiedName}: {e.Message}");
        }

        return Task.FromResult(keys);
    }

    public override ValueTask DisposeAsync()
    {
        _parts.Dispose();
        return ValueTask.CompletedTask;
    }
}

using Backups.Operations.Restore;
using DuckDB.NET.Data;

namespace Backups.Operations.Query;

/// <summary>
/// The "look into a snapshot without restoring it" use case: downloads and verifies the files of the tables the SQL
/// names, exposes each table as a DuckDB view named like it, runs the query in a locked-down in-memory DuckDB and
/// streams the result to a sink. Nothing is written anywhere but the temporary directory, deleted afterwards.
/// </summary>
public sealed class QueryRunner(Func<string, string?> environment)
{
    public async Task<QueryResult> RunAsync(QueryRequest request, IQuerySink sink, Action<ResolvedSnapshot>? resolved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        if (string.IsNullOrWhiteSpace(request.Sql))
        {
            throw new OperationInputException("give the SQL to run, e.g. \"SELECT count(*) FROM brieff\"");
        }

        using var store = StoreOpener.Open(request.StoreUrl, environment);
        var snapshot = await SnapshotResolver.ResolveAsync(store.Store, request.Snapshot, cancellationToken);
        resolved?.Invoke(snapshot);
        var tables = TableReferences.In(request.Sql, snapshot.Manifest);
        using var parts = new VerifiedParts(request.TempDirectory);
        foreach (var table in tables)
        {
            await parts.AddAsync(store.Store, table, null, cancellationToken);
        }

        var views = tables.Select(t => (t, (IReadOnlyList<string>)[.. t.Parts.Select(p => parts.PathOf(p.Key))])).ToList();
        var rows = await Task.Run(() => Execute(parts.Root, views, request.Sql, sink, cancellationToken), cancellationToken);
        return new QueryResult(snapshot, [.. tables.Select(t => t.QualifiedName)], tables.Sum(t => t.Parts.Sum(p => p.Size)), rows);
    }

    private static long Execute(
        string directory, IReadOnlyList<(Snapshots.ManifestTable, IReadOnlyList<string>)> views, string sql, IQuerySink sink, CancellationToken cancellationToken)
    {
        using var duck = SnapshotDuckDb.Open(directory, views);
        using var command = duck.Connection.CreateCommand();
        command.CommandText = sql;
        using var cancel = cancellationToken.Register(command.Cancel);
        long count = 0;
        try
        {
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new QueryColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToList();
            sink.Begin(columns);
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var values = new object?[columns.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : Materialize(reader.GetValue(i));
                }

                sink.Row(values);
                count++;
            }
        }
        catch (DuckDBException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new OperationInputException($"the query failed: {e.Message}");
        }

        sink.End(count);
        return count;
    }

    private static object? Materialize(object? value)
    {
        if (value is not Stream stream)
        {
            return value;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Backups.Operations.Diff;

/// <summary>
/// Writes a reviewable repair script that brings the new side's table back to the old side's values, in one
/// transaction: an UPDATE per changed row that sets the snapshot's values only where the row still holds the values
/// the diff saw (<c>IS NOT DISTINCT FROM</c>), so running it twice changes nothing the second time and a row changed
/// again since is left alone; an INSERT ... WHERE NOT EXISTS per removed row; and, commented out, a guarded DELETE
/// per added row (rows added since the snapshot are usually legitimate new data: deleting them is a decision the
/// reviewer takes by uncommenting). The file appears only when complete.
/// </summary>
public sealed class RepairScriptWriter(string path, IClock clock) : IDiffSink, IDisposable
{
    private readonly string _bodyPath = path + $".{Guid.NewGuid():N}.body";
    private StreamWriter? _body;
    private DiffHeader? _header;
    private RepairDialect? _dialect;
    private string _table = "";

    public string Path { get; } = path;

    public Task BeginAsync(DiffHeader header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        _header = header;
        _dialect = RepairDialect.For(header.New.Dialect);
        _table = _dialect.Table(header.New.Schema, header.New.Table);
        _body = new StreamWriter(_bodyPath, append: false, new UTF8Encoding(false));
        return Task.CompletedTask;
    }

    public async Task RowAsync(RowDifference difference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(difference);
        var schema = _header!.Schema;
        var dialect = _dialect!;
        var key = string.Join(" AND ", schema.Key.Select(k => dialect.KeyEquals(k, difference.New is { } n ? n[k.NewIndex] : difference.Old![k.OldIndex])));
        var statement = difference.Kind switch
        {
            DiffKind.Changed =>
                $"UPDATE {_table} SET {string.Join(", ", difference.Changed.Select(c => $"{RepairDialect.Ident(c.Name)} = {dialect.Literal(c, difference.Old![c.OldIndex], typed: false)}"))} "
                + $"WHERE {key} AND {string.Join(" AND ", difference.Changed.Select(c => dialect.Holds(c, difference.New![c.NewIndex])))};",
            DiffKind.Removed =>
                $"INSERT INTO {_table} ({string.Join(", ", schema.Columns.Select(c => RepairDialect.Ident(c.Name)))}) "
                + $"SELECT {string.Join(", ", schema.Columns.Select(c => dialect.Literal(c, difference.Old![c.OldIndex], typed: true)))} "
                + $"WHERE NOT EXISTS (SELECT 1 FROM {_table} WHERE {key});",
            _ =>
                $"-- DELETE FROM {_table} WHERE {key}"
                + string.Concat(schema.Columns.Where(c => !c.IsKey).Select(c => " AND " + dialect.Holds(c, difference.New![c.NewIndex]))) + ";",
        };
        await _body!.WriteLineAsync(statement.AsMemory(), cancellationToken);
        if (difference.Kind == DiffKind.Changed && dialect.AfterUpdate(key) is { } report)
        {
            await _body.WriteLineAsync(report.AsMemory(), cancellationToken);
        }
    }

    /// <summary>How to run the script against <paramref name="database"/> (an SQLite file, when known).</summary>
    public string ApplyCommand(string? database) => (_dialect ?? throw new InvalidOperationException("the diff has not begun")).ApplyCommand(Path, database);

    public async Task EndAsync(DiffSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await _body!.DisposeAsync();
        _body = null;
        var temporary = Path + $".{Guid.NewGuid():N}.tmp";
        try
        {
            var output = new StreamWriter(temporary, append: false, new UTF8Encoding(false));
            await using (output)
            {
                foreach (var line in Header(summary))
                {
                    await output.WriteLineAsync(line.AsMemory(), cancellationToken);
                }

                await output.WriteLineAsync("BEGIN;".AsMemory(), cancellationToken);
                foreach (var line in _dialect!.Preamble)
                {
                    await output.WriteLineAsync(line.AsMemory(), cancellationToken);
                }

                var body = new FileStream(_bodyPath, FileMode.Open, FileAccess.Read);
                await using (body)
                {
                    await output.FlushAsync(cancellationToken);
                    await body.CopyToAsync(output.BaseStream, cancellationToken);
                }

                await output.WriteLineAsync("COMMIT;".AsMemory(), cancellationToken);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(_bodyPath);
        }
    }

    public void Dispose()
    {
        _body?.Dispose();
        File.Delete(_bodyPath);
    }

    private IEnumerable<string> Header(DiffSummary summary)
    {
        var header = _header!;
        var old = header.Old;
        string Count(long? n) => n is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "?";
        yield return $"-- Repair script for {header.New.QualifiedTable}, written by backups diff at {InstantPattern.ExtendedIso.Format(clock.GetCurrentInstant())}.";
        yield return $"-- Restores the values of {old.Description}";
        yield return $"--   snapshot instant: {InstantPattern.ExtendedIso.Format(old.Instant)} (the snapshot's start; its data is as of its consistency point, just before)";
        if (header.ConsistencyPoint.Count > 0)
        {
            yield return $"--   consistency point: {string.Join(" ", header.ConsistencyPoint.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}";
        }

        yield return $"-- into table {header.New.QualifiedTable} of {header.New.Description}.";
        yield return $"-- Table {old.QualifiedTable}: {Count(old.Rows ?? summary.OldRows)} rows in the snapshot, {Count(summary.NewRows)} rows when the diff ran.";
        var compared = header.Schema.Compared;
        var columns = compared.Count == header.Schema.Columns.Count(c => !c.IsKey)
            ? $"all {compared.Count} other columns"
            : string.Join(", ", compared.Select(c => c.Name));
        yield return $"-- Rows matched on ({string.Join(", ", header.Schema.Key.Select(k => k.Name))}); compared: {columns}.";
        if (header.Where is { } where)
        {
            yield return $"-- Only rows matching this predicate on either side: {where.ReplaceLineEndings(" ")}";
        }

        yield return $"-- {Count(summary.Changed)} UPDATE (rows changed since the snapshot), {Count(summary.Removed)} INSERT (rows removed since), "
            + $"{Count(summary.Added)} DELETE left commented out (rows added since); {Count(summary.Total)} rows in all.";
        yield return "-- Each UPDATE writes the snapshot's values only where the row still holds the values the diff saw, and each INSERT only";
        yield return "-- where the key is absent: re-running the script changes nothing, and a row changed again since the diff is left alone";
        yield return $"-- ({_dialect!.LeftAloneNote}). Review, then run: {_dialect.ApplyCommand("THIS_FILE", null)}";
        if (header.Schema.OnlyNew.Count > 0)
        {
            yield return $"-- Columns only the live table has (INSERTs leave them to their defaults): {string.Join(", ", header.Schema.OnlyNew)}.";
        }

        if (header.Schema.OnlyOld.Count > 0 || header.Schema.KindChanged.Count > 0)
        {
            yield return $"-- Not restored (missing now, or of another type): {string.Join(", ", header.Schema.OnlyOld.Concat(header.Schema.KindChanged))}.";
        }
    }
}

using System.Globalization;

namespace Backups.Operations.Diff;

/// <summary>
/// A diff for people: a header, then one line per row (<c>~</c> changed with old -&gt; new per column, <c>+</c> added,
/// <c>-</c> removed, each naming its key), then the counts.
/// </summary>
public sealed class DiffTextWriter(TextWriter output) : IDiffSink
{
    private DiffHeader? _header;

    public async Task BeginAsync(DiffHeader header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        _header = header;
        var schema = header.Schema;
        await output.WriteLineAsync($"table {header.Old.QualifiedTable}, rows matched on ({string.Join(", ", schema.Key.Select(k => k.Name))}), {schema.Compared.Count} columns compared");
        await output.WriteLineAsync($"old: {header.Old.Description}");
        await output.WriteLineAsync($"new: {header.New.Description}, table {header.New.QualifiedTable}");
        if (header.Where is { } where)
        {
            await output.WriteLineAsync($"where: {where.ReplaceLineEndings(" ")} (on either side)");
        }

        var skipped = schema.OnlyOld.Select(c => $"{c} (only in the old side)")
            .Concat(schema.OnlyNew.Select(c => $"{c} (only in the new side)"))
            .Concat(schema.KindChanged.Select(c => $"{c} (type changed)"))
            .ToList();
        if (skipped.Count > 0)
        {
            await output.WriteLineAsync($"not compared: {string.Join(", ", skipped)}");
        }
    }

    public async Task RowAsync(RowDifference difference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(difference);
        var schema = _header!.Schema;
        var key = string.Join(", ", schema.Key.Select((k, i) => $"{k.Name} = {ValueFormat.Display(k.Kind, difference.KeyOf(schema)[i])}"));
        var line = difference.Kind switch
        {
            DiffKind.Changed => $"~ {key}: " + string.Join(", ", difference.Changed.Select(c =>
                $"{c.Name} {ValueFormat.Display(c.Kind, difference.Old![c.OldIndex])} -> {ValueFormat.Display(c.Kind, difference.New![c.NewIndex])}")),
            DiffKind.Added => $"+ {key} (added): " + Row(schema.Columns.Where(c => !c.IsKey).Select(c => (c, difference.New![c.NewIndex]))),
            _ => $"- {key} (removed): " + Row(schema.Columns.Where(c => !c.IsKey).Select(c => (c, difference.Old![c.OldIndex]))),
        };
        await output.WriteLineAsync(line);
    }

    public async Task EndAsync(DiffSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var scope = summary.InScope is { } n ? string.Create(CultureInfo.InvariantCulture, $", {n:N0} matching the filter") : "";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Changed:N0} changed, {summary.Added:N0} added, {summary.Removed:N0} removed ({summary.OldRows:N0} rows old, {summary.NewRows:N0} new{scope})"));
    }

    private static string Row(IEnumerable<(DiffColumn Column, object? Value)> values) =>
        string.Join(", ", values.Where(v => v.Value is not null).Select(v => $"{v.Column.Name} = {ValueFormat.Display(v.Column.Kind, v.Value)}"));
}

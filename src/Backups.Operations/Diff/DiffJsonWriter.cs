using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime.Text;

namespace Backups.Operations.Diff;

/// <summary>
/// A diff as one JSON object, streamed: <c>old</c>, <c>new</c>, <c>table</c>, <c>key</c>, <c>compared</c>,
/// <c>notCompared</c>, <c>where</c>, then <c>differences</c> (each <c>{"kind": "changed", "key": {...}, "changes":
/// {"col": {"old": v, "new": v}}}</c>, or <c>"added"</c>/<c>"removed"</c> with the whole <c>row</c>) and <c>summary</c>.
/// Values follow <see cref="ValueFormat.WriteJson"/>.
/// </summary>
public sealed class DiffJsonWriter : IDiffSink, IDisposable
{
    private readonly TextWriter _output;
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _json;
    private DiffHeader? _header;

    public DiffJsonWriter(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public async Task BeginAsync(DiffHeader header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        _header = header;
        _json.WriteStartObject();
        Side("old", header.Old);
        Side("new", header.New);
        _json.WriteString("table", header.Old.QualifiedTable);
        Strings("key", header.Schema.Key.Select(k => k.Name));
        Strings("compared", header.Schema.Compared.Select(c => c.Name));
        _json.WriteStartObject("notCompared");
        Strings("onlyOld", header.Schema.OnlyOld);
        Strings("onlyNew", header.Schema.OnlyNew);
        Strings("typeChanged", header.Schema.KindChanged);
        _json.WriteEndObject();
        _json.WriteString("where", header.Where);
        _json.WriteStartArray("differences");
        await FlushAsync();
    }

    public async Task RowAsync(RowDifference difference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(difference);
        var schema = _header!.Schema;
        _json.WriteStartObject();
        _json.WriteString("kind", difference.Kind.ToString().ToLowerInvariant());
        _json.WriteStartObject("key");
        var key = difference.KeyOf(schema);
        for (var i = 0; i < schema.Key.Count; i++)
        {
            _json.WritePropertyName(schema.Key[i].Name);
            ValueFormat.WriteJson(_json, key[i]);
        }

        _json.WriteEndObject();
        if (difference.Kind == DiffKind.Changed)
        {
            _json.WriteStartObject("changes");
            foreach (var column in difference.Changed)
            {
                _json.WriteStartObject(column.Name);
                _json.WritePropertyName("old");
                ValueFormat.WriteJson(_json, difference.Old![column.OldIndex]);
                _json.WritePropertyName("new");
                ValueFormat.WriteJson(_json, difference.New![column.NewIndex]);
                _json.WriteEndObject();
            }

            _json.WriteEndObject();
        }
        else
        {
            _json.WriteStartObject("row");
            foreach (var column in schema.Columns)
            {
                _json.WritePropertyName(column.Name);
                ValueFormat.WriteJson(_json, difference.Kind == DiffKind.Added ? difference.New![column.NewIndex] : difference.Old![column.OldIndex]);
            }

            _json.WriteEndObject();
        }

        _json.WriteEndObject();
        await FlushAsync();
    }

    public async Task EndAsync(DiffSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        _json.WriteEndArray();
        _json.WriteStartObject("summary");
        _json.WriteNumber("changed", summary.Changed);
        _json.WriteNumber("added", summary.Added);
        _json.WriteNumber("removed", summary.Removed);
        _json.WriteNumber("oldRows", summary.OldRows);
        _json.WriteNumber("newRows", summary.NewRows);
        if (summary.InScope is { } scope)
        {
            _json.WriteNumber("inScope", scope);
        }

        _json.WriteEndObject();
        _json.WriteEndObject();
        await FlushAsync();
        await _output.WriteLineAsync();
    }

    public void Dispose()
    {
        _json.Dispose();
        _buffer.Dispose();
    }

    private void Side(string name, DiffSideInfo side)
    {
        _json.WriteStartObject(name);
        _json.WriteString("description", side.Description);
        _json.WriteString("snapshot", side.SnapshotId);
        _json.WriteString(side.SnapshotId is null ? "readAt" : "startedAt", InstantPattern.ExtendedIso.Format(side.Instant));
        _json.WriteString("dialect", side.Dialect);
        _json.WriteString("table", side.QualifiedTable);
        if (side.Rows is { } rows)
        {
            _json.WriteNumber("rows", rows);
        }

        _json.WriteEndObject();
    }

    private void Strings(string name, IEnumerable<string> values)
    {
        _json.WriteStartArray(name);
        foreach (var value in values)
        {
            _json.WriteStringValue(value);
        }

        _json.WriteEndArray();
    }

    private async Task FlushAsync()
    {
        await _json.FlushAsync();
        await _output.WriteAsync(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        _buffer.SetLength(0);
    }
}

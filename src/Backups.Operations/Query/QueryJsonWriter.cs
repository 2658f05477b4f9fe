using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Backups.Operations.Query;

/// <summary>A result as a JSON array of objects (one per row, keyed by column name), streamed.</summary>
public sealed class QueryJsonWriter : IQuerySink, IDisposable
{
    private readonly TextWriter _output;
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _json;
    private IReadOnlyList<QueryColumn> _columns = [];

    public QueryJsonWriter(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public void Begin(IReadOnlyList<QueryColumn> columns)
    {
        _columns = columns;
        _json.WriteStartArray();
        Flush();
    }

    public void Row(object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _json.WriteStartObject();
        for (var i = 0; i < values.Length; i++)
        {
            _json.WritePropertyName(_columns[i].Name);
            QueryValues.WriteJson(_json, values[i]);
        }

        _json.WriteEndObject();
        Flush();
    }

    public void End(long rows)
    {
        _json.WriteEndArray();
        Flush();
        _output.WriteLine();
    }

    public void Dispose()
    {
        _json.Dispose();
        _buffer.Dispose();
    }

    private void Flush()
    {
        _json.Flush();
        _output.Write(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        _buffer.SetLength(0);
    }
}

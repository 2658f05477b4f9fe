using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Backups.Operations.Control;

/// <summary>Instants in control objects as ISO-8601 UTC strings, e.g. <c>2026-11-25T12:00:00Z</c>.</summary>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected an ISO-8601 UTC instant string, found {reader.TokenType}");
        }
        var parsed = InstantPattern.ExtendedIso.Parse(reader.GetString()!);
        return parsed.Success ? parsed.Value : throw new JsonException($"'{reader.GetString()}' is not an ISO-8601 UTC instant");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}

using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Backups.Snapshots.Format;

/// <summary>Instants as ISO-8601 UTC strings, e.g. <c>2024-05-01T12:00:00.123456Z</c> (fraction only as long as needed).</summary>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected an ISO-8601 UTC instant string, found {reader.TokenType}");
        }

        var result = InstantPattern.ExtendedIso.Parse(reader.GetString()!);
        return result.Success ? result.Value : throw new JsonException($"'{reader.GetString()}' is not an ISO-8601 UTC instant");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}

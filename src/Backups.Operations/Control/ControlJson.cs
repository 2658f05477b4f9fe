using System.Text.Json;
using System.Text.Json.Serialization;
using Backups.Storage;

namespace Backups.Operations.Control;

/// <summary>
/// Reads and writes the small JSON objects the control plane keeps in a store (<c>pins/</c>, <c>control/</c>):
/// camelCase names, enums as camelCase strings, instants as ISO-8601 UTC strings.
/// </summary>
internal static class ControlJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The object at <paramref name="key"/>, or null when there is none.</summary>
    public static async Task<T?> ReadAsync<T>(IObjectReader store, string key, CancellationToken cancellationToken)
        where T : class
    {
        Stream stream;
        try
        {
            stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync<T>(stream, Options, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidDataException($"{key} holds JSON null");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{key} is not a valid control object: {e.Message}", e);
            }
        }
    }

    public static async Task WriteAsync<T>(IObjectWriter store, string key, T value, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Serialize(value), writable: false);
        await store.PutAsync(key, content, cancellationToken).ConfigureAwait(false);
    }

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static string Text<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new InstantJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Backups.Snapshots.Format;

namespace Backups.Snapshots;

/// <summary>
/// The JSON form of <see cref="Manifest"/>: camelCase property names, enum values as camelCase strings
/// (<c>"timestampTz"</c>), instants as ISO-8601 UTC strings, every property present (null where absent), dictionary keys verbatim.
/// Readers ignore properties they do not know, so version 1 may gain optional properties.
/// The checksum file beside it holds <c>&lt;sha256 hex&gt;  manifest.json</c> (the <c>sha256sum</c> format).
/// </summary>
public static class ManifestJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>The manifest as indented UTF-8 JSON, ending with a newline.</summary>
    public static byte[] Serialize(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, Options);
        var result = new byte[json.Length + 1];
        json.CopyTo(result, 0);
        result[^1] = (byte)'\n';
        return result;
    }

    /// <summary>Parses a manifest; throws <see cref="SnapshotFormatException"/> naming <paramref name="key"/> when it cannot.</summary>
    public static Manifest Parse(ReadOnlyMemory<byte> utf8Json, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            using var document = JsonDocument.Parse(utf8Json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new SnapshotFormatException(key, "the JSON is not an object");
            }

            if (!document.RootElement.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number)
            {
                throw new SnapshotFormatException(key, "it has no formatVersion");
            }

            if (!version.TryGetInt32(out var number) || number != Manifest.CurrentFormatVersion)
            {
                throw new SnapshotFormatException(key, $"format version {version.GetRawText()} is not supported (this version reads {Manifest.CurrentFormatVersion})");
            }

            var manifest = document.RootElement.Deserialize<Manifest>(Options)
                ?? throw new SnapshotFormatException(key, "the JSON is null");
            if (!SnapshotId.IsValid(manifest.Id))
            {
                throw new SnapshotFormatException(key, $"'{manifest.Id}' is not a snapshot id");
            }

            return manifest;
        }
        catch (JsonException error)
        {
            throw new SnapshotFormatException(key, error.Message, error);
        }
    }

    /// <summary>The content of the checksum file for manifest bytes: <c>&lt;hex&gt;  manifest.json\n</c>.</summary>
    internal static byte[] ChecksumFile(string sha256Hex) =>
        Encoding.ASCII.GetBytes($"{sha256Hex}  {SnapshotKeys.ManifestFileName}\n");

    /// <summary>The hex digest in a checksum file, or null when the content is not one line of that form.</summary>
    internal static string? ParseChecksumFile(ReadOnlySpan<byte> content)
    {
        var expectedLength = 64 + 2 + SnapshotKeys.ManifestFileName.Length + 1;
        if (content.Length != expectedLength)
        {
            return null;
        }

        var text = Encoding.ASCII.GetString(content);
        var hex = text[..64];
        return hex.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')
               && text[64..] == $"  {SnapshotKeys.ManifestFileName}\n"
            ? hex
            : null;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            IndentSize = 2,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NewLine = "\n",
            TypeInfoResolver = ManifestJsonContext.Default,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new InstantJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Backups.Storage;
using NodaTime;
using NodaTime.Text;

namespace Backups.Catalog;

/// <summary>
/// The audit log kept in the store itself under <c>audit/</c>: one small JSON object per entry,
/// keyed by time so that listing returns entries in order. Objects are only ever added.
/// </summary>
public sealed class StoreAuditLog(IObjectStore store) : IAuditSink
{
    public const string Prefix = "audit/";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new InstantJsonConverter() },
    };

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var stamp = entry.At.InUtc().LocalDateTime.ToString("uuuuMMdd'T'HHmmss'.'fffffff", CultureInfo.InvariantCulture);
        var key = $"{Prefix}{stamp}Z-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}-{entry.Phase}.json";
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(entry, Json));
        await store.PutAsync(key, content, cancellationToken);
    }

    /// <summary>Every entry at or after <paramref name="since"/>, oldest first.</summary>
    public async IAsyncEnumerable<AuditEntry> ReadAsync(
        Instant? since,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var info in store.ListAsync(Prefix, cancellationToken))
        {
            await using var stream = await store.OpenReadAsync(info.Key, cancellationToken);
            var entry = await JsonSerializer.DeserializeAsync<AuditEntry>(stream, Json, cancellationToken)
                ?? throw new InvalidDataException($"audit entry {info.Key} is empty");
            if (since is null || entry.At >= since)
            {
                yield return entry;
            }
        }
    }

    private sealed class InstantJsonConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            InstantPattern.ExtendedIso.Parse(reader.GetString() ?? "").GetValueOrThrow();

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}

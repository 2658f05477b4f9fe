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

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) => AppendAsync(entry, cancellationToken);

    /// <summary>Writes one entry; returns its key (<c>audit/&lt;UTC time&gt;Z-&lt;random&gt;-&lt;phase&gt;.json</c>).</summary>
    public async Task<string> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stamp = entry.At.InUtc().LocalDateTime.ToString("uuuuMMdd'T'HHmmss'.'fffffff", CultureInfo.InvariantCulture);
        var key = $"{Prefix}{stamp}Z-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}-{entry.Phase}.json";
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(entry, Json));
        await store.PutAsync(key, content, cancellationToken);
        return key;
    }

    /// <summary>The entry stored under <paramref name="key"/>.</summary>
    public async Task<AuditEntry> ReadEntryAsync(string key, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(key, cancellationToken);
        return await JsonSerializer.DeserializeAsync<AuditEntry>(stream, Json, cancellationToken)
            ?? throw new InvalidDataException($"audit entry {key} is empty");
    }

    /// <summary>Every entry at or after <paramref name="since"/>, oldest first.</summary>
    public async IAsyncEnumerable<AuditEntry> ReadAsync(
        Instant? since,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var info in store.ListAsync(Prefix, cancellationToken))
        {
            var entry = await ReadEntryAsync(info.Key, cancellationToken);
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

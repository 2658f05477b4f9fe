using System.Runtime.CompilerServices;
using Backups.Catalog;
using Backups.Storage;
using NodaTime;
using NodaTime.Text;

namespace Backups.Operations.Control;

/// <summary>
/// A read-only view of a store whose listing returns only chosen objects, so that <see cref="StoreAuditLog.ReadAsync"/>
/// downloads only the audit entries asked for. Audit keys start with the entry's UTC time
/// (<c>audit/yyyyMMddTHHmmss.fffffffZ-...</c>), which lets a time window be chosen from the listing alone.
/// </summary>
internal sealed class AuditWindowStore(IObjectStore inner, Func<CancellationToken, IAsyncEnumerable<ObjectInfo>> listing) : IObjectStore
{
    private static readonly LocalDateTimePattern Stamp = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'.'fffffff");
    private const int StampLength = 23;

    public string Url => inner.Url;

    /// <summary>A view listing the audit objects keyed at or after <paramref name="since"/> (and any key of another shape).</summary>
    public static AuditWindowStore Since(IObjectStore inner, Instant since) =>
        new(inner, cancellationToken => Filter(inner.ListAsync(StoreAuditLog.Prefix, cancellationToken), since, cancellationToken));

    /// <summary>A view listing exactly <paramref name="objects"/>.</summary>
    public static AuditWindowStore Exactly(IObjectStore inner, IReadOnlyList<ObjectInfo> objects) =>
        new(inner, cancellationToken => objects.ToAsyncEnumerable());

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken) => inner.HeadAsync(key, cancellationToken);

    public Task PutAsync(string key, Stream content, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the audit window is read-only");

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the audit window is read-only");

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) => listing(cancellationToken);

    /// <summary>The time an audit key starts with, or null when the key has another shape.</summary>
    internal static Instant? KeyTime(string key)
    {
        if (!key.StartsWith(StoreAuditLog.Prefix, StringComparison.Ordinal) || key.Length < StoreAuditLog.Prefix.Length + StampLength + 1)
        {
            return null;
        }
        var parsed = Stamp.Parse(key.Substring(StoreAuditLog.Prefix.Length, StampLength));
        return parsed.Success && key[StoreAuditLog.Prefix.Length + StampLength] == 'Z' ? parsed.Value.InUtc().ToInstant() : null;
    }

    private static async IAsyncEnumerable<ObjectInfo> Filter(
        IAsyncEnumerable<ObjectInfo> source, Instant since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var info in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (KeyTime(info.Key) is not { } time || time >= since)
            {
                yield return info;
            }
        }
    }
}

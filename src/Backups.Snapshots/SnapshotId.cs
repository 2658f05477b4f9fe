using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Backups.Snapshots;

/// <summary>
/// Snapshot ids: <c>yyyyMMddTHHmmssZ-xxxxxxxx</c>, the UTC start instant to the second followed by eight
/// random lowercase hex digits, e.g. <c>20240501T120000Z-1a2b3c4d</c>. Ids sort in start order under ordinal
/// comparison (which is how stores list keys), and two snapshots started in the same second still differ.
/// </summary>
public static class SnapshotId
{
    private const string InstantFormat = "yyyyMMdd'T'HHmmss'Z'";
    private static readonly InstantPattern Pattern = InstantPattern.CreateWithInvariantCulture(InstantFormat);

    /// <summary>The length of every id.</summary>
    public const int Length = 25;

    /// <summary>A new id for a snapshot starting now.</summary>
    public static string New(IClock clock, Random random)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return New(clock.GetCurrentInstant(), random);
    }

    /// <summary>A new id for a snapshot started at <paramref name="startedAt"/> (truncated to the second).</summary>
    public static string New(Instant startedAt, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var suffix = (uint)random.NextInt64(0, 1L << 32);
        return Pattern.Format(startedAt) + "-" + suffix.ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>Whether <paramref name="id"/> has the shape of a snapshot id.</summary>
    public static bool IsValid(string? id) => id is not null && TryGetStart(id, out _);

    /// <summary>The start instant encoded in an id (to the second), if the id is well formed.</summary>
    public static bool TryGetStart(string id, out Instant start)
    {
        start = default;
        if (id is null || id.Length != Length || id[16] != '-')
        {
            return false;
        }

        for (var i = 17; i < Length; i++)
        {
            if (!char.IsAsciiHexDigitLower(id[i]) && !char.IsAsciiDigit(id[i]))
            {
                return false;
            }
        }

        var parsed = Pattern.Parse(id[..16]);
        if (!parsed.Success)
        {
            return false;
        }

        start = parsed.Value;
        return true;
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="id"/> is a well-formed id.</summary>
    public static string Validate(string id, string? paramName = null)
    {
        return IsValid(id)
            ? id
            : throw new ArgumentException($"'{id}' is not a snapshot id (expected yyyyMMddTHHmmssZ-xxxxxxxx)", paramName ?? nameof(id));
    }
}

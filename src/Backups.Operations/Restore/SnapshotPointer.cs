using NodaTime;
using NodaTime.Text;
using Backups.Snapshots;

namespace Backups.Operations.Restore;

/// <summary>
/// Which snapshot an operator means: an exact id (<c>--snapshot ID</c>) or a point in time (<c>--at ISO</c>), the
/// newest complete snapshot whose <see cref="Manifest.StartedAt"/> is at or before it (see <see cref="SnapshotResolver"/>).
/// </summary>
public sealed record SnapshotPointer
{
    private static readonly OffsetDateTimePattern[] Patterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mmo<G>"),
    ];

    private SnapshotPointer(string? id, Instant? at)
    {
        Id = id;
        At = at;
    }

    /// <summary>The exact snapshot id, or null for a point in time.</summary>
    public string? Id { get; }

    /// <summary>The point in time, or null for an exact id.</summary>
    public Instant? At { get; }

    public static SnapshotPointer ForId(string id) => new(SnapshotId.Validate(id), null);

    public static SnapshotPointer ForInstant(Instant at) => new(null, at);

    /// <summary>
    /// From the command line: exactly one of <paramref name="at"/> and <paramref name="id"/>. Throws
    /// <see cref="OperationInputException"/> naming the option when both, neither, or a malformed value is given.
    /// </summary>
    public static SnapshotPointer Parse(string? at, string? id)
    {
        if (at is null == id is null)
        {
            throw new OperationInputException("give exactly one of --at ISO-INSTANT (e.g. 2026-11-25T09:30:00Z) and --snapshot ID");
        }

        if (id is not null)
        {
            return SnapshotId.IsValid(id)
                ? ForId(id)
                : throw new OperationInputException($"--snapshot: '{id}' is not a snapshot id (expected e.g. 20261125T040000Z-1a2b3c4d; see 'backups list')");
        }

        return ForInstant(ParseInstant(at!, "--at"));
    }

    /// <summary>
    /// An ISO-8601 instant with an explicit zone: <c>2026-11-25T09:30:00Z</c>, <c>2026-11-25T10:30:00+01:00</c>,
    /// seconds and fractions optional. A local time without <c>Z</c> or an offset is refused: it would mean a
    /// different instant on every machine.
    /// </summary>
    public static Instant ParseInstant(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        foreach (var pattern in Patterns)
        {
            var result = pattern.Parse(trimmed);
            if (result.Success)
            {
                return result.Value.ToInstant();
            }
        }

        var hint = LocalDateTimePattern.ExtendedIso.Parse(trimmed).Success
            ? " (it has no zone: add Z for UTC or an offset such as +01:00)"
            : "";
        throw new OperationInputException($"{option}: '{text}' is not an ISO-8601 instant such as 2026-11-25T09:30:00Z{hint}");
    }

    public override string ToString() => Id ?? $"--at {InstantPattern.ExtendedIso.Format(At!.Value)}";
}

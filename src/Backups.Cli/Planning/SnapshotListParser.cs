using Backups.Cli.Infrastructure;
using Backups.Domain.Retention;
using NodaTime;
using NodaTime.Text;

namespace Backups.Cli.Planning;

/// <summary>
/// Reads the <c>--snapshots</c> list of <c>backups plan</c>: one ISO-8601 instant per line, optionally
/// followed by whitespace and an id; <c>#</c> starts a comment; blank lines are ignored.
/// </summary>
internal static class SnapshotListParser
{
    private static readonly IPattern<OffsetDateTime>[] Patterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    public static IReadOnlyList<SnapshotRef> Parse(TextReader reader, string sourceName)
    {
        var result = new List<SnapshotRef>();
        var errors = new List<string>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var content = (hash >= 0 ? line[..hash] : line).Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var parts = content.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (!TryParseInstant(parts[0], out var instant))
            {
                errors.Add($"{sourceName}:{lineNumber}: cannot read '{parts[0]}' as an ISO-8601 instant (expected e.g. 2026-11-01T10:30:00Z or 2026-11-01T05:30:00-05:00)");
                continue;
            }
            var id = parts.Length > 1 ? parts[1].Trim() : InstantPattern.ExtendedIso.Format(instant);
            result.Add(new SnapshotRef(id, instant));
        }

        if (errors.Count > 0)
        {
            throw new CliException(string.Join(Environment.NewLine, errors));
        }
        if (result.Count == 0)
        {
            throw new CliException($"{sourceName}: no snapshots (the list is empty or holds only comments); expected one ISO-8601 instant per line");
        }
        return result;
    }

    public static bool TryParseInstant(string text, out Instant instant)
    {
        foreach (var pattern in Patterns)
        {
            var parsed = pattern.Parse(text);
            if (parsed.Success)
            {
                instant = parsed.Value.ToInstant();
                return true;
            }
        }
        instant = default;
        return false;
    }
}

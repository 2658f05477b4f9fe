namespace Backups.Policies.Validation;

/// <summary>Finds the valid name nearest to a misspelt one, for "did you mean" hints.</summary>
internal static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="text"/>, comparing case-insensitively and ignoring
    /// '-', '_' and spaces (so <c>time_zone</c> finds <c>timezone</c>), or null when none is close.
    /// </summary>
    public static string? Nearest(string text, IEnumerable<string> candidates)
    {
        var wanted = Normalize(text);
        if (wanted.Length == 0)
        {
            return null;
        }
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(wanted, Normalize(candidate));
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        var allowed = Math.Max(1, Math.Min(3, wanted.Length / 3));
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or "" when nothing is close.</summary>
    public static string Hint(string text, IEnumerable<string> candidates) =>
        Nearest(text, candidates) is { } nearest ? $" (did you mean '{nearest}'?)" : "";

    private static string Normalize(string s) =>
        new([.. s.Where(c => c is not ('-' or '_' or ' ')).Select(char.ToLowerInvariant)]);

    /// <summary>Optimal string alignment distance: edits, with swapping two neighbours counted as one.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}

namespace Backups.Sources.Selection;

/// <summary>A table-name pattern where <c>*</c> matches any run of characters; case-insensitive.</summary>
internal sealed class WildcardPattern
{
    private readonly string[] parts;

    public WildcardPattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Text = pattern.Trim();
        parts = Text.Split('*');
    }

    public string Text { get; }

    public bool Matches(string name)
    {
        if (parts.Length == 1)
        {
            return string.Equals(name, parts[0], StringComparison.OrdinalIgnoreCase);
        }

        var first = parts[0];
        var last = parts[^1];
        if (name.Length < first.Length + last.Length
            || !name.StartsWith(first, StringComparison.OrdinalIgnoreCase)
            || !name.EndsWith(last, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var position = first.Length;
        var end = name.Length - last.Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            if (parts[i].Length == 0)
            {
                continue;
            }

            var found = name.IndexOf(parts[i], position, end - position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return true;
    }
}

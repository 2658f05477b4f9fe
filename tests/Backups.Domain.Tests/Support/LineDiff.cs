using System.Text;

namespace Backups.Domain.Tests.Support;

/// <summary>A small line diff (longest common subsequence) for golden-file failures: <c>-</c> expected, <c>+</c> actual.</summary>
internal static class LineDiff
{
    public static string Render(string expected, string actual, int context = 2, int maxLines = 80)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Op, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', x + 1, a[x]));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                lines.Add(('-', x + 1, a[x]));
                x++;
            }
            else
            {
                lines.Add(('+', y + 1, b[y]));
                y++;
            }
        }

        var sb = new StringBuilder();
        var shown = 0;
        var lastShown = -1;
        for (var k = 0; k < lines.Count && shown < maxLines; k++)
        {
            var near = false;
            for (var d = Math.Max(0, k - context); d <= Math.Min(lines.Count - 1, k + context); d++)
            {
                near |= lines[d].Op != ' ';
            }
            if (!near)
            {
                continue;
            }
            if (lastShown >= 0 && k > lastShown + 1)
            {
                sb.AppendLine("  ...");
            }
            sb.Append(lines[k].Op).Append(' ').AppendLine(lines[k].Text);
            lastShown = k;
            shown++;
        }
        if (shown >= maxLines)
        {
            sb.AppendLine("  ... (diff truncated)");
        }
        return sb.ToString();
    }
}

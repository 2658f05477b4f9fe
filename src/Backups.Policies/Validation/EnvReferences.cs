namespace Backups.Policies.Validation;

/// <summary>
/// <c>${NAME}</c> references to environment variables: NAME is letters, digits and '_', not starting with a digit.
/// There is no escape: <c>${</c> always starts a reference; a '$' not followed by '{' is literal.
/// </summary>
internal static class EnvReferences
{
    /// <summary>The references in <paramref name="text"/>, or the first syntax error and its index.</summary>
    public static bool TryFind(string text, out IReadOnlyList<EnvReference> references, out string error, out int errorIndex)
    {
        var found = new List<EnvReference>();
        references = found;
        error = "";
        errorIndex = 0;
        var i = 0;
        while ((i = text.IndexOf("${", i, StringComparison.Ordinal)) >= 0)
        {
            var close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                error = $"unterminated environment reference '{text[i..]}' (write ${{NAME}})";
                errorIndex = i;
                return false;
            }
            var name = text[(i + 2)..close];
            if (!IsName(name))
            {
                error = name.Length == 0
                    ? "empty environment reference '${}' (write ${NAME})"
                    : $"bad environment variable name '{name}' (letters, digits and '_', not starting with a digit)";
                errorIndex = i;
                return false;
            }
            found.Add(new EnvReference(i, close + 1 - i, name));
            i = close + 1;
        }
        return true;
    }

    /// <summary>The text with every reference replaced by the variable's value; <paramref name="missing"/> lists references to unset or empty variables.</summary>
    public static string Substitute(
        string text,
        IReadOnlyList<EnvReference> references,
        IReadOnlyDictionary<string, string?> environment,
        out IReadOnlyList<EnvReference> missing)
    {
        var unset = new List<EnvReference>();
        missing = unset;
        var result = new System.Text.StringBuilder();
        var last = 0;
        foreach (var reference in references)
        {
            result.Append(text, last, reference.Index - last);
            if (environment.TryGetValue(reference.Name, out var value) && !string.IsNullOrEmpty(value))
            {
                result.Append(value);
            }
            else
            {
                unset.Add(reference);
            }
            last = reference.Index + reference.Length;
        }
        result.Append(text, last, text.Length - last);
        return result.ToString();
    }

    /// <summary>The text with every reference removed (what is left is written literally in the file).</summary>
    public static string WithoutReferences(string text)
    {
        if (!TryFind(text, out var references, out _, out _))
        {
            return text;
        }
        var result = new System.Text.StringBuilder();
        var last = 0;
        foreach (var reference in references)
        {
            result.Append(text, last, reference.Index - last);
            last = reference.Index + reference.Length;
        }
        result.Append(text, last, text.Length - last);
        return result.ToString();
    }

    private static bool IsName(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

using System.Collections;
using Backups.Policies.Validation;

namespace Backups.Policies;

/// <summary>Environments to resolve <c>${VAR}</c> references in policies against.</summary>
public static class PolicyEnvironment
{
    /// <summary>A snapshot of this process's environment variables.</summary>
    public static IReadOnlyDictionary<string, string?> FromProcess()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }
        return result;
    }

    /// <summary>
    /// Replaces every <c>${NAME}</c> in <paramref name="text"/> with the variable's value. Throws
    /// <see cref="ArgumentException"/> naming every unset or empty variable, or the syntax error.
    /// </summary>
    public static string Resolve(string text, IReadOnlyDictionary<string, string?> environment, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);
        if (!EnvReferences.TryFind(text, out var references, out var error, out _))
        {
            throw new ArgumentException($"{what}: {error}");
        }
        var resolved = EnvReferences.Substitute(text, references, environment, out var missing);
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing.Select(m => m.Name).Distinct(StringComparer.Ordinal));
            throw new ArgumentException($"{what}: environment variable {names} is not set");
        }
        return resolved;
    }
}

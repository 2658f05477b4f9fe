using System.Collections;

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
}

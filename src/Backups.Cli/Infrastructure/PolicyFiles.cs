using Backups.Domain.Policies;
using Backups.Policies;

namespace Backups.Cli.Infrastructure;

/// <summary>Loads policy files for commands, turning validation errors into one operator-facing error.</summary>
internal static class PolicyFiles
{
    public static Policy LoadOrThrow(CliContext context, string path, bool resolveEnvironment)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"policy file not found: {path}");
        }
        var result = PolicyLoader.LoadFile(path, resolveEnvironment ? context.Environment : null);
        if (result.Errors.Count > 0 || result.Policy is null)
        {
            throw new CliException(string.Join(Environment.NewLine, result.Errors.Select(e => e.ToString())));
        }
        return result.Policy;
    }
}

using Backups.Operations;
using Backups.Policies;

namespace Backups.Cli.Infrastructure;

/// <summary>
/// Which store a policy's control objects (pauses, reviews) live in, for commands that name a policy: <c>--store URL</c>,
/// else <c>--policy FILE</c>, else the policy of that name in <c>--policies DIR</c> (default <c>$BACKUPS_POLICIES</c>, the
/// service's policy directory), else the one store the catalog holds the policy's snapshots in. A store found from a
/// policy file comes with that policy's S3 settings.
/// </summary>
internal static class PolicyStores
{
    public const string PoliciesVariable = "BACKUPS_POLICIES";

    public static StoreChoice Resolve(CliContext context, string policy, string? store, string? policyFile, string? policiesDirectory, string? catalogPath)
    {
        if (store is not null || policyFile is not null)
        {
            return Commands.PruneCommand.ResolveStore(context, store, policyFile, policy);
        }
        var directory = policiesDirectory ?? (context.GetEnvironmentVariable(PoliciesVariable) is { Length: > 0 } fromEnv ? fromEnv : null);
        if (directory is not null)
        {
            if (FromDirectory(context, policy, directory) is { } found)
            {
                return found;
            }
            if (policiesDirectory is not null)
            {
                throw new CliException($"no valid policy '{policy}' in {directory} (see 'backups policy validate {directory}'); give --store URL or --policy FILE");
            }
        }
        using var catalog = CatalogLocation.Open(context, catalogPath);
        var stores = catalog.List().Where(e => e.Policy == policy).Select(e => e.StoreUrl).Distinct(StringComparer.Ordinal).ToList();
        return stores.Count switch
        {
            1 => new StoreChoice(stores[0]),
            0 => throw new CliException(
                $"cannot find the store of policy '{policy}': no --store URL or --policy FILE was given, "
                + (directory is null ? $"no --policies DIR (or ${PoliciesVariable}) names it, " : $"{directory} has no valid policy '{policy}', ")
                + $"and the catalog {catalog.Path} has no snapshot of it"),
            _ => throw new CliException($"policy '{policy}' has snapshots in several stores ({string.Join(", ", stores)}); give --store URL"),
        };
    }

    private static StoreChoice? FromDirectory(CliContext context, string policy, string directory)
    {
        var set = PolicyLoader.LoadDirectory(directory);
        var found = set.Files.Select(f => f.Policy).FirstOrDefault(p => p is not null && p.Name == policy);
        return found is null ? null : new StoreChoice(StoreOpener.Canonical(Commands.PruneCommand.ResolveStoreUrl(context, found)), found.StoreS3);
    }
}

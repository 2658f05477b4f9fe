using Backups.Operations;

namespace Backups.Cli.Infrastructure;

/// <summary>Finds which store holds a snapshot id: the given <c>--store</c>, else the catalog's record of it.</summary>
internal static class SnapshotLocator
{
    public static string StoreFor(CliContext context, string id, string? storeOption, string? catalogPath)
    {
        if (storeOption is not null)
        {
            return storeOption;
        }
        using var catalog = CatalogLocation.Open(context, catalogPath);
        var found = catalog.FindById(id);
        return found.Count switch
        {
            1 => found[0].StoreUrl,
            0 => throw new CliException($"unknown snapshot id '{id}': not in the catalog ({catalog.Path}); give --store URL, or see 'backups list'"),
            _ => throw new CliException($"snapshot id '{id}' is in several stores ({string.Join(", ", found.Select(f => f.StoreUrl))}); give --store URL"),
        };
    }

    public static StoreHandle Open(CliContext context, string url) => StoreOpener.Open(url, context.GetEnvironmentVariable);

    /// <summary>Opens a store chosen from options or a policy, with the policy's S3 settings when it came from one.</summary>
    public static StoreHandle Open(CliContext context, StoreChoice store) =>
        StoreOpener.Open(store.Url, context.GetEnvironmentVariable, store.S3);
}

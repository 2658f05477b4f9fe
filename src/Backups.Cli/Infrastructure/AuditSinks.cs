using Backups.Catalog;
using Backups.Operations;

namespace Backups.Cli.Infrastructure;

/// <summary>The audit log the commands write: the store's <c>audit/</c>, mirrored into the catalog (a warning when that copy fails).</summary>
internal static class AuditSinks
{
    public static MirroredAuditLog For(CliContext context, StoreHandle handle, string? catalogOption)
    {
        var catalog = CatalogLocation.Resolve(context, catalogOption);
        var warned = false;
        return new MirroredAuditLog(handle.Store, catalog, e =>
        {
            if (!warned)
            {
                warned = true;
                context.Error.WriteLine(
                    $"backups: warning: audit entries are in {handle.Url} but could not be copied into the catalog {catalog} ({e.Message}); "
                    + $"'backups catalog rebuild --store {handle.Url}' copies them");
            }
        });
    }
}

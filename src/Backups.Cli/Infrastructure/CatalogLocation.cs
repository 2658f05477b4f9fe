using Backups.Catalog;

namespace Backups.Cli.Infrastructure;

/// <summary>
/// Where the catalog file lives: <c>--catalog</c>, else <c>$BACKUPS_CATALOG</c>, else
/// <c>$XDG_DATA_HOME/backups/catalog.db</c> (<c>~/.local/share/backups/catalog.db</c>).
/// </summary>
internal static class CatalogLocation
{
    public static string Resolve(CliContext context, string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return explicitPath;
        }
        if (context.GetEnvironmentVariable("BACKUPS_CATALOG") is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }
        var dataHome = context.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(context.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "backups", "catalog.db");
    }

    public static SnapshotCatalog Open(CliContext context, string? explicitPath) => SnapshotCatalog.Open(Resolve(context, explicitPath));
}

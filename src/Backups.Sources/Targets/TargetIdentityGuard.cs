using Backups.Domain.Schema;

namespace Backups.Sources.Targets;

/// <summary>
/// Refuses restoring over the database a snapshot came from. Two identities are the same database when:
/// <list type="bullet">
/// <item>their dialects are the same (<c>postgres</c> and <c>postgresql</c> are one), and</item>
/// <item>PostgreSQL and Oracle: the database names are equal (ordinal) and the system identifiers are equal
/// (PostgreSQL <c>pg_control_system().system_identifier</c>, unique per cluster; Oracle DBID). When either side
/// has no identifier (no privilege to read it), equal host:port (host case-insensitive) decides instead.
/// A physical replica or a clone made from a base backup shares its primary's identifier and is therefore
/// treated as the same database: that errs on the side of refusing.</item>
/// <item>SQLite: the full file paths are equal (after normalizing <c>.</c>, <c>..</c> and separators;
/// case-insensitive on Windows and macOS). The comparison is of the paths as reported: two different paths
/// reaching one file through a symbolic or hard link are not detected.</item>
/// </list>
/// </summary>
public static class TargetIdentityGuard
{
    public static bool IsSameDatabase(SourceIdentity snapshotSource, SourceIdentity target)
    {
        ArgumentNullException.ThrowIfNull(snapshotSource);
        ArgumentNullException.ThrowIfNull(target);
        var kind = TargetFactory.NormalizeKind(snapshotSource.Kind);
        if (kind != TargetFactory.NormalizeKind(target.Kind))
        {
            return false;
        }

        if (kind == "sqlite")
        {
            return string.Equals(NormalizePath(snapshotSource.Database), NormalizePath(target.Database), PathComparison);
        }

        if (!string.Equals(snapshotSource.Database, target.Database, StringComparison.Ordinal))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(snapshotSource.SystemIdentifier) && !string.IsNullOrEmpty(target.SystemIdentifier))
        {
            return string.Equals(snapshotSource.SystemIdentifier, target.SystemIdentifier, StringComparison.Ordinal);
        }

        return string.Equals(snapshotSource.Server, target.Server, StringComparison.OrdinalIgnoreCase);
    }

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static string NormalizePath(string path) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}

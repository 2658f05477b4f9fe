using System.Reflection;

namespace Backups.Policies.Tests.Support;

/// <summary>The repository root: the directory holding Backups.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Backups.sln")))
            {
                return dir.FullName;
            }
        }
        // Build output can live outside the tree (BACKUPS_ARTIFACTS); the build records where the sources are.
        var recorded = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(System.IO.Path.Combine(recorded, "Backups.sln")))
        {
            return recorded;
        }
        throw new InvalidOperationException($"Backups.sln not found above {AppContext.BaseDirectory}");
    }
}

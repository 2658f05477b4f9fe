using System.Reflection;

namespace Backups.TestFixtures;

/// <summary>
/// Finds the shared fixture files (<c>/work/shared/fixtures</c> in the reference layout): the
/// <c>BACKUPS_SHARED_DIR</c> environment variable, else <c>../shared</c> next to the directory holding
/// Backups.sln, searched upwards from the test binaries and from the repository this was built from.
/// </summary>
public static class SharedFixtures
{
    public const string EnvironmentVariable = "BACKUPS_SHARED_DIR";

    private static readonly Lazy<string> SharedDirectory = new(Locate);

    /// <summary>The shared directory (it contains <c>fixtures/</c>).</summary>
    public static string Directory => SharedDirectory.Value;

    /// <summary>The VACOLS fixture files.</summary>
    public static string VacolsDirectory => Path.Combine(Directory, "fixtures", "vacols");

    /// <summary>The directory containing Backups.sln, or null when it cannot be found.</summary>
    public static string? RepositoryRoot => Starts().Select(FindSolutionUpwards).FirstOrDefault(r => r is not null);

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return System.IO.Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"{EnvironmentVariable}={configured} does not exist.");
        }

        var root = RepositoryRoot
            ?? throw new DirectoryNotFoundException($"Cannot find Backups.sln above {AppContext.BaseDirectory}; set {EnvironmentVariable}.");
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        return System.IO.Directory.Exists(shared)
            ? shared
            : throw new DirectoryNotFoundException($"The shared fixtures directory {shared} does not exist; set {EnvironmentVariable}.");
    }

    private static IEnumerable<string> Starts()
    {
        yield return AppContext.BaseDirectory;
        var built = typeof(SharedFixtures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (built is not null)
        {
            yield return built;
        }
    }

    private static string? FindSolutionUpwards(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Backups.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

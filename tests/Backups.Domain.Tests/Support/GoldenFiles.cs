using System.Runtime.CompilerServices;

namespace Backups.Domain.Tests.Support;

/// <summary>
/// Golden files under <c>Golden/</c>: compared with the copy in the test output folder; with
/// <c>BACKUPS_UPDATE_GOLDEN=1</c> the source files are rewritten instead (review the change, then commit it).
/// </summary>
internal static class GoldenFiles
{
    public const string UpdateVariable = "BACKUPS_UPDATE_GOLDEN";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static void Verify(string name, string actual)
    {
        actual = Normalize(actual);
        var fileName = name + ".txt";
        if (Updating)
        {
            var sourceDirectory = Path.Combine(ProjectDirectory(), "Golden");
            Directory.CreateDirectory(sourceDirectory);
            File.WriteAllText(Path.Combine(sourceDirectory, fileName), actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Golden", fileName);
        if (!File.Exists(path))
        {
            throw new ShouldAssertException($"no golden file {fileName}; create it with {UpdateVariable}=1 and review it");
        }
        var expected = Normalize(File.ReadAllText(path));
        if (expected != actual)
        {
            throw new ShouldAssertException(
                $"the plan differs from Golden/{fileName} (- golden, + now); if the change is intended, rerun with {UpdateVariable}=1 and review the diff:{Environment.NewLine}{LineDiff.Render(expected, actual)}");
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The test project's source folder (this file is in its <c>Support/</c> folder).</summary>
    private static string ProjectDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(thisFile))
        ?? throw new InvalidOperationException($"cannot find the test project folder from {thisFile}");
}

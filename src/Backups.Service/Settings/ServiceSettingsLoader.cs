using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Backups.Service.Settings;

/// <summary>
/// Reads the service settings file (YAML, docs/service.md) and reports every error at once, each at its
/// line and column. <c>${VAR}</c> references in the scheduler connection resolve against the given environment.
/// </summary>
internal static class ServiceSettingsLoader
{
    public static SettingsLoadResult LoadFile(string path, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "settings file not found" : $"cannot read settings file: {e.Message}";
            return new SettingsLoadResult(null, [new SettingsError(path, 0, 0, reason)]);
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        return Load(text, path, directory, environment);
    }

    /// <summary>Reads settings from YAML text; <paramref name="fileName"/> names the file in errors, relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static SettingsLoadResult Load(string yamlText, string fileName, string baseDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            return new SettingsLoadResult(null, [new SettingsError(fileName, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {message}")]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" })
        {
            return new SettingsLoadResult(new ServiceSettings(), []);
        }
        var reader = new SettingsReader(fileName, baseDirectory, environment);
        var settings = reader.Read(stream.Documents[0].RootNode);
        var errors = reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return new SettingsLoadResult(errors.Count == 0 ? settings : null, errors);
    }
}

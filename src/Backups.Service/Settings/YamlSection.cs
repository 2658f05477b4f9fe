using YamlDotNet.RepresentationModel;

namespace Backups.Service.Settings;

/// <summary>One mapping of the settings file, with its known keys: an unknown key is an error naming the known ones.</summary>
internal sealed class YamlSection
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    private YamlSection(string path) => Path = path;

    /// <summary>Where the section is, for messages (<c>scheduler</c>, or empty for the top level).</summary>
    public string Path { get; }

    /// <summary>Reads <paramref name="node"/> as a mapping with only <paramref name="known"/> keys; null (after an error) when it is not a mapping.</summary>
    public static YamlSection? Read(YamlNode node, string path, IReadOnlyList<string> known, SettingsErrors errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(node, path.Length == 0
                ? "the settings file must be a mapping of keys (policies, catalog, http, scheduler, logs, rpo, retention, verify)"
                : $"'{path}' must be a mapping with keys {string.Join(", ", known)}");
            return null;
        }
        var section = new YamlSection(path);
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                var where = path.Length == 0 ? "" : $" in '{path}'";
                errors.Add(key, $"unknown key '{name}'{where} (expected one of: {string.Join(", ", known)})");
                continue;
            }
            section._entries[name] = (key, value);
        }
        return section;
    }

    /// <summary>The value under <paramref name="key"/>, or null when the key is absent.</summary>
    public YamlNode? this[string key] => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>The dotted name of a key for messages (<c>scheduler.connection</c>).</summary>
    public string Name(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
}

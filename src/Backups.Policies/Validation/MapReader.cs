using Backups.Policies.Yaml;

namespace Backups.Policies.Validation;

/// <summary>
/// The keys of one mapping: reports unknown keys (with the nearest valid one) as it is built,
/// then hands out values, reporting required keys that are missing or empty.
/// </summary>
internal sealed class MapReader
{
    private readonly MappingNode _map;
    private readonly string _section;
    private readonly Diagnostics _diagnostics;
    private readonly Dictionary<string, KeyValuePair<ScalarNode, YamlNode>> _entries = new(StringComparer.Ordinal);

    /// <param name="section">The section's key for messages ("" at the top level).</param>
    /// <param name="noun">What a key is called in messages: "key", or "tier" in retention.</param>
    public MapReader(MappingNode map, string section, IReadOnlyList<string> keys, Diagnostics diagnostics, string noun = "key")
    {
        _map = map;
        _section = section;
        _diagnostics = diagnostics;
        foreach (var entry in map.Entries)
        {
            var key = entry.Key.Value;
            if (keys.Contains(key, StringComparer.Ordinal))
            {
                _entries[key] = entry;
                continue;
            }
            var where = section.Length > 0 ? $" in {section}" : "";
            var hint = Suggestions.Hint(key, keys);
            var valid = noun == "key" ? "" : $"; {noun}s are {string.Join(", ", keys)}";
            diagnostics.Add(entry.Key.Start, $"unknown {noun} '{key}'{where}{hint}{valid}");
        }
    }

    /// <summary>The known keys present, in file order.</summary>
    public IEnumerable<KeyValuePair<ScalarNode, YamlNode>> Present => _map.Entries.Where(e => _entries.ContainsKey(e.Key.Value));

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>The key's node, or null when the key is absent.</summary>
    public ScalarNode? Key(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key : null;

    /// <summary>The value, or null when the key is absent or has no value (an optional key left empty means its default).</summary>
    public YamlNode? Optional(string key) =>
        _entries.TryGetValue(key, out var entry) && entry.Value is not ScalarNode { IsNull: true } ? entry.Value : null;

    /// <summary>The value; reports a missing key at the mapping and an empty one at its key.</summary>
    public YamlNode? Required(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            var where = _section.Length > 0 ? $" in {_section}" : "";
            _diagnostics.Add(_map.Start, $"missing required key '{key}'{where}");
            return null;
        }
        if (entry.Value is ScalarNode { IsNull: true })
        {
            _diagnostics.Add(entry.Key.Start, $"'{Path(key)}' has no value");
            return null;
        }
        return entry.Value;
    }

    public string Path(string key) => _section.Length > 0 ? $"{_section}.{key}" : key;
}

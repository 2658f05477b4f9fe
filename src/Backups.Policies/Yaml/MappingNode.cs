namespace Backups.Policies.Yaml;

/// <summary>A mapping whose keys are scalars, in file order, duplicates already removed (first one wins).</summary>
internal sealed class MappingNode(SourcePosition start, IReadOnlyList<KeyValuePair<ScalarNode, YamlNode>> entries) : YamlNode(start)
{
    public IReadOnlyList<KeyValuePair<ScalarNode, YamlNode>> Entries { get; } = entries;

    public override string Describe() => "a mapping";
}

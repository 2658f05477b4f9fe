namespace Backups.Policies.Yaml;

/// <summary>A node of a parsed policy file, with the position where it starts.</summary>
internal abstract class YamlNode(SourcePosition start)
{
    public SourcePosition Start { get; } = start;

    /// <summary>What the node is, for messages: "a mapping", "a list", "a text value".</summary>
    public abstract string Describe();
}

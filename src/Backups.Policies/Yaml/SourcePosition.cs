namespace Backups.Policies.Yaml;

/// <summary>A 1-based line and column in a policy file.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition FileStart { get; } = new(1, 1);

    public override string ToString() => $"{Line}:{Column}";
}

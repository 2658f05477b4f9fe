namespace Backups.Snapshots;

/// <summary>One thing wrong with a snapshot: the object at fault and what does not match.</summary>
public sealed record VerifyProblem(string Key, string Description)
{
    public override string ToString() => $"{Key}: {Description}";
}

namespace Backups.Policies;

/// <summary>
/// One problem in a policy file, at a 1-based line and column. Prints as <c>FILE:LINE:COL: message</c>;
/// an error about the file as a whole (unreadable, missing) has line and column 0 and prints as <c>FILE: message</c>.
/// </summary>
public sealed record PolicyError(string File, int Line, int Column, string Message)
{
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}

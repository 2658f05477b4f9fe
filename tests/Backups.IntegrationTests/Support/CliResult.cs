namespace Backups.IntegrationTests.Support;

/// <summary>What one run of <c>backups</c> produced.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output and standard error together, for "the output names X" assertions.</summary>
    public string All => Out + Error;

    /// <summary>A description for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}

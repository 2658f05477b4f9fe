namespace Backups.IntegrationTests.Support;

/// <summary>A test that runs the program on a pseudo-terminal through util-linux <c>script</c>; skipped, saying why, where it is missing.</summary>
public sealed class PseudoTerminalFactAttribute : FactAttribute
{
    public const string Script = "/usr/bin/script";

    public PseudoTerminalFactAttribute()
    {
        if (!File.Exists(Script))
        {
            Skip = $"{Script} (util-linux) is not installed: there is no pseudo-terminal to run the program on";
        }
    }
}

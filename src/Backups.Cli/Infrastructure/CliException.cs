namespace Backups.Cli.Infrastructure;

/// <summary>An error meant for the operator: printed as-is (no stack trace) with its exit code.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

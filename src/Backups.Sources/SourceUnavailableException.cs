namespace Backups.Sources;

/// <summary>
/// The source database cannot be used: unreachable server, refused login, unknown database, missing file.
/// The message names what failed and never contains a password.
/// </summary>
public sealed class SourceUnavailableException : Exception
{
    public SourceUnavailableException()
    {
    }

    public SourceUnavailableException(string message)
        : base(message)
    {
    }

    public SourceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

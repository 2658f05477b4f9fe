namespace Backups.Cli.Infrastructure;

/// <summary>Process exit codes. Scripts and the service's supervisors rely on them; see README.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The operation ran and found a problem: verification mismatch, a failed snapshot.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: usage errors, invalid policy files, unparseable snapshot lists, unknown ids.</summary>
    public const int BadInput = 2;

    /// <summary>A database or store could not be reached or refused access.</summary>
    public const int Unavailable = 3;

    /// <summary>A safety guard refused the operation (use --force where offered).</summary>
    public const int Refused = 4;

    /// <summary>Interrupted (Ctrl+C / SIGTERM); nothing partial is visible.</summary>
    public const int Interrupted = 130;
}

namespace Backups.Bench;

/// <summary>One benchmark the <c>Backups.Bench</c> console can run, selected by its name on the command line.</summary>
internal interface IBenchMode
{
    /// <summary>The first command-line argument that selects this mode, e.g. <c>plan</c>.</summary>
    string Name { get; }

    /// <summary>One line of usage, printed by <c>--help</c>.</summary>
    string Usage { get; }

    /// <summary>Runs the benchmark with the arguments after the mode name; returns the process exit code.</summary>
    int Run(IReadOnlyList<string> args, TextWriter output);
}

using System.Diagnostics;

namespace Backups.Cli.Infrastructure;

/// <summary>
/// A single status line on a terminal, rewritten in place at most a few times a second (on standard error,
/// so standard output stays clean for --json). Does nothing when standard error is not a terminal.
/// </summary>
internal sealed class ProgressLine(CliContext context) : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private int _lastLength;
    private bool _written;

    public bool Enabled { get; } = context.IsTerminal;

    public void Update(Func<string> render, bool force = false)
    {
        if (!Enabled)
        {
            return;
        }
        lock (_gate)
        {
            if (!force && _written && _sinceLast.Elapsed < Interval)
            {
                return;
            }
            var text = render();
            context.Error.Write("\r" + text.PadRight(_lastLength));
            context.Error.Flush();
            _lastLength = text.Length;
            _written = true;
            _sinceLast.Restart();
        }
    }

    public void Dispose()
    {
        if (Enabled && _written)
        {
            lock (_gate)
            {
                context.Error.Write("\r" + new string(' ', _lastLength) + "\r");
                context.Error.Flush();
            }
        }
    }
}

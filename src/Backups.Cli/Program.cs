using Backups.Cli;
using Backups.Cli.Infrastructure;
using NodaTime;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    environment[(string)entry.Key] = entry.Value as string;
}

#pragma warning disable RS0030 // the composition root is the one place that creates the system clock
var clock = SystemClock.Instance;
#pragma warning restore RS0030

var context = new CliContext(
    Console.Out,
    Console.Error,
    Console.In,
    clock,
    environment,
    // The progress line is drawn on standard error, so that is the stream that must be a terminal:
    // `backups snapshot --json > file` still shows progress, `2> log` does not fill the log with it.
    IsTerminal: !Console.IsErrorRedirected);

return await CliApp.RunAsync(args, context, cancellation.Token);

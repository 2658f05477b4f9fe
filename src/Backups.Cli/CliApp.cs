using System.CommandLine;
using Backups.Cli.Commands;
using Backups.Cli.Infrastructure;

namespace Backups.Cli;

/// <summary>The <c>backups</c> command tree and its error handling: operator errors print one clear message and exit non-zero.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("backups: consistent database snapshots on calendar retention tiers, stored in S3 or a directory, restorable to any point in time")
        {
            SnapshotCommand.Build(context),
            ListCommand.Build(context),
            ShowCommand.Build(context),
            VerifyCommand.Build(context),
            GcCommand.Build(context),
            PlanCommand.Build(context),
            PolicyCommand.Build(context),
            CatalogCommand.Build(context),
            RestoreCommand.Build(context),
            DiffCommand.Build(context),
            QueryCommand.Build(context),
            RunCommand.Build(context),
            PruneCommand.Build(context),
            PinCommand.Build(context),
            PinCommand.BuildUnpin(context),
            AuditCommand.Build(context),
            PauseCommand.Build(context),
            PauseCommand.BuildResume(context),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await context.Error.WriteLineAsync($"backups: {error.Message}");
            }
            await context.Error.WriteLineAsync("Run 'backups --help' (or 'backups COMMAND --help') for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            };
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliException e)
        {
            await context.Error.WriteLineAsync($"backups: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (ErrorMapping.TryMap(e, out var code, out var message))
        {
            await context.Error.WriteLineAsync($"backups: {message}");
            return code;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("backups: interrupted; nothing partial is visible");
            return ExitCodes.Interrupted;
        }
    }
}

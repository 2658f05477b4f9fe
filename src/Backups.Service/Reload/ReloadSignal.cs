using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Backups.Service.Reload;

/// <summary>SIGHUP reloads the policy directory (what <c>systemctl reload</c> sends), instead of ending the process.</summary>
internal sealed partial class ReloadSignal(PolicyReloader reloader, IHostApplicationLifetime lifetime, ILogger<ReloadSignal> log) : IHostedService, IDisposable
{
    private PosixSignalRegistration? _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _registration = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                // The runtime calls every SIGHUP handler of the process one after the other on one thread: reading and
                // planning the policies happens elsewhere, so no handler waits behind another's reload.
                _ = Task.Run(ReloadAsync);
            });
        }
        catch (PlatformNotSupportedException)
        {
            NoSignal();
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _registration?.Dispose();
        _registration = null;
    }

    private async Task ReloadAsync()
    {
        try
        {
            await reloader.ReloadAsync("SIGHUP", lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            Failed(e, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reload on SIGHUP failed: {Reason}; the policies that ran before stay in force where they could not be replaced")]
    private partial void Failed(Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "SIGHUP is not available on this platform: reload with POST /reload")]
    private partial void NoSignal();
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Backups.Service.Hosting;

/// <summary>A started service: its container, the address /health and /metrics are served on, and a way to stop it.</summary>
internal sealed class RunningService(WebApplication app) : IAsyncDisposable
{
    private bool _stopped;

    public IServiceProvider Services => app.Services;

    /// <summary>The base URL of the HTTP endpoints, e.g. <c>http://127.0.0.1:9464</c> (the real port when 0 was asked for).</summary>
    public Uri HttpAddress { get; } = new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Runs until <paramref name="cancellationToken"/> fires or the host is told to stop (SIGTERM), then stops gracefully.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        await app.WaitForShutdownAsync(cancellationToken);
        _stopped = true;
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_stopped)
        {
            _stopped = true;
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }
}

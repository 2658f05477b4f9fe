using System.Net;
using System.Net.Sockets;

namespace Backups.IntegrationTests.Support;

/// <summary>
/// A TCP proxy in front of the PostgreSQL server that holds back what one side sends once a number of bytes has
/// passed, until released: a test can then act (end the session with <c>pg_terminate_backend</c>) at a moment known
/// to be in the middle of a large result or a large COPY, whatever the machine's speed. Nothing is altered, only delayed.
/// </summary>
internal sealed class PausingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _serverHost;
    private readonly int _serverPort;
    private readonly long _pauseAfter;
    private readonly bool _pauseServer;
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pumps = [];
    private long _counted;

    /// <param name="pauseAfter">Bytes (over all connections) after which that side's bytes are held back.</param>
    /// <param name="pauseServer">Hold back what the server sends (rows of a SELECT); false: what the client sends (a COPY).</param>
    public PausingProxy(string serverHost, int serverPort, long pauseAfter, bool pauseServer = true)
    {
        _pauseServer = pauseServer;
        _serverHost = serverHost;
        _serverPort = serverPort;
        _pauseAfter = pauseAfter;
        _listener.Start();
        _pumps.Add(AcceptAsync());
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Completes once the server's bytes are being held back.</summary>
    public Task Paused => _paused.Task;

    public void Release() => _released.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var pump in _pumps.ToArray())
        {
            try
            {
                await pump;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var server = new TcpClient();
            await server.ConnectAsync(_serverHost, _serverPort, _stop.Token);
            lock (_pumps)
            {
                _pumps.Add(ConnectAsync(client, server));
            }
        }
    }

    private async Task ConnectAsync(TcpClient client, TcpClient server)
    {
        using (client)
        using (server)
        {
            var up = PumpAsync(client.GetStream(), server.GetStream(), fromServer: false);
            var down = PumpAsync(server.GetStream(), client.GetStream(), fromServer: true);
            await Task.WhenAny(up, down);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool fromServer)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                if (fromServer == _pauseServer && Interlocked.Add(ref _counted, read) > _pauseAfter && !_released.Task.IsCompleted)
                {
                    _paused.TrySetResult();
                    await _released.Task.WaitAsync(_stop.Token);
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side closed: the other is closed with it.
        }
        finally
        {
            try
            {
                to.Socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }
    }
}

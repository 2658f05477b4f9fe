using Backups.TestFixtures.Postgres;

namespace Backups.IntegrationTests.Support;

/// <summary>
/// A PostgreSQL database built on first use (so that skipped tests never touch the server) and dropped with the
/// fixture. Tests only read it.
/// </summary>
public abstract class SharedDatabase : IAsyncLifetime
{
    private readonly PostgresServer _server = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _connection;

    public async Task<string> ConnectionAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_connection is null)
            {
                var connection = await _server.CreateDatabaseAsync(Prefix);
                await BuildAsync(connection);
                _connection = connection;
            }

            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _gate.Dispose();
    }

    /// <summary>The database name's prefix.</summary>
    protected abstract string Prefix { get; }

    /// <summary>Creates the tables and rows.</summary>
    protected abstract Task BuildAsync(string connection);
}

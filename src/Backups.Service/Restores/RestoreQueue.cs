using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using Backups.Operations.Restore;
using Backups.Service.Hosting;
using Backups.Service.Scheduling;
using Backups.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Backups.Service.Restores;

/// <summary>
/// Restores on request (<c>POST /restores</c>, <c>backups restore --via</c>): each request is logged with who asked, what
/// and when before anything runs, then queued behind the requests for the same target, which run one at a time (requests
/// for different targets run side by side). Each runs through the same <see cref="Restorer"/> and guards as
/// <c>backups restore</c>: restoring into the snapshot's source is refused unless the request says
/// <c>intoSource</c> and <c>yes</c> with <c>tables</c> and <c>mode</c>. Requests live in memory: a stopping service
/// cancels the one running (its committed tables stay) and forgets the queue.
/// </summary>
internal sealed partial class RestoreQueue(PolicyRegistry policies, ServiceEnvironment environment, ServiceClock clock, ILogger<RestoreQueue> log)
    : IHostedService, IDisposable
{
    private const int Kept = 200;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RestoreTicket> _tickets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Channel<(string Id, RestoreRequest Request)>> _targets = new(StringComparer.Ordinal);
    private readonly List<Task> _workers = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Checks and queues a request; <see cref="Backups.Operations.OperationInputException"/> when it is malformed (nothing is queued).</summary>
    public RestoreTicket Submit(RestoreRequestBody body, string from)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = body.ToRequest(policies, environment.Variables, environment.TempDirectory);
        var target = $"{request.TargetKind} {ConnectionStrings.Redact(request.TargetConnection)}";
        var by = $"{(string.IsNullOrWhiteSpace(body.RequestedBy) ? "unknown" : body.RequestedBy.Trim())} from {from}";
        var now = clock.GetCurrentInstant();
        var id = $"{now.InUtc().LocalDateTime.ToString("uuuuMMdd'T'HHmmss", CultureInfo.InvariantCulture)}Z-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var ticket = new RestoreTicket(id, by, now, Describe(request), target, request.DryRun);
        // One queue per target as written, ignoring case: a request never runs beside another for the same database.
        var key = target.ToLowerInvariant();
        int ahead;
        lock (_gate)
        {
            ahead = _tickets.Values.Count(t => t.Target.ToLowerInvariant() == key && !t.IsFinished);
            _tickets[id] = ticket;
            Forget();
            if (!_targets.TryGetValue(key, out var queue))
            {
                queue = Channel.CreateUnbounded<(string, RestoreRequest)>(new UnboundedChannelOptions { SingleReader = true });
                _targets[key] = queue;
                _workers.Add(Task.Run(() => WorkAsync(queue.Reader)));
            }
            // Logged before it can run: the worker takes it only after this write.
            Queued(id, by, ticket.What, now.ToString(), ahead);
            queue.Writer.TryWrite((id, request));
        }
        return ticket;
    }

    public RestoreTicket? Get(string id)
    {
        lock (_gate)
        {
            return _tickets.GetValueOrDefault(id);
        }
    }

    /// <summary>Every request still remembered, oldest first.</summary>
    public IReadOnlyList<RestoreTicket> All()
    {
        lock (_gate)
        {
            return [.. _tickets.Values.OrderBy(t => t.RequestedAt).ThenBy(t => t.Id, StringComparer.Ordinal)];
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] workers;
        lock (_gate)
        {
            foreach (var queue in _targets.Values)
            {
                queue.Writer.TryComplete();
            }
            workers = [.. _workers];
        }
        await _stopping.CancelAsync();
        await Task.WhenAll(workers).WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task WorkAsync(ChannelReader<(string Id, RestoreRequest Request)> queue)
    {
        await foreach (var (id, request) in queue.ReadAllAsync(CancellationToken.None))
        {
            if (_stopping.IsCancellationRequested)
            {
                Update(id, t => t with { State = RestoreState.Cancelled, FinishedAt = clock.GetCurrentInstant(), Error = "the service stopped before it ran" });
                continue;
            }
            await RunAsync(id, request, _stopping.Token);
        }
    }

    private async Task RunAsync(string id, RestoreRequest request, CancellationToken cancellationToken)
    {
        var ticket = Update(id, t => t with { State = RestoreState.Running, StartedAt = clock.GetCurrentInstant() });
        Running(id, ticket.RequestedBy, ticket.What);
        var restorer = new Restorer(environment.Get);
        try
        {
            await using var plan = await restorer.PlanAsync(request, cancellationToken);
            Update(id, t => t with { SnapshotId = plan.Snapshot.Manifest.Id });
            if (request.DryRun)
            {
                Update(id, t => t with
                {
                    State = RestoreState.Succeeded,
                    FinishedAt = clock.GetCurrentInstant(),
                    Changes = [.. plan.Actions.Select(a => a.Description)],
                    Tables = plan.Actions.Count(a => a.Kind != RestoreActionKind.CreateTable),
                    Rows = plan.Rows,
                });
                Checked(id, plan.Snapshot.Manifest.Id, plan.Target, plan.Actions.Count);
                return;
            }
            var observer = new TicketChanges(this, id, new LoggedRestoreChanges(log, $"Restore request {id}", plan.Target));
            var result = await restorer.ExecuteAsync(plan, observer, cancellationToken);
            Update(id, t => t with { State = RestoreState.Succeeded, FinishedAt = clock.GetCurrentInstant(), Tables = result.Tables.Count, Rows = result.Rows });
            Succeeded(id, result.Snapshot.Manifest.Id, result.Target, result.Tables.Count, result.Rows);
        }
        catch (RestoreRefusedException e)
        {
            Update(id, t => t with { State = RestoreState.Refused, FinishedAt = clock.GetCurrentInstant(), Error = e.Message });
            Refused(id, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Update(id, t => t with { State = RestoreState.Cancelled, FinishedAt = clock.GetCurrentInstant(), Error = "cancelled: the service stopped; tables already committed stay restored" });
            Cancelled(id);
        }
        catch (Exception e)
        {
            Update(id, t => t with { State = RestoreState.Failed, FinishedAt = clock.GetCurrentInstant(), Error = e.Message });
            Failed(e, id, e.Message);
        }
    }

    internal void Changed(string id, string change) => Update(id, t => t with { Changes = [.. t.Changes, change] });

    private RestoreTicket Update(string id, Func<RestoreTicket, RestoreTicket> change)
    {
        lock (_gate)
        {
            var updated = change(_tickets[id]);
            _tickets[id] = updated;
            return updated;
        }
    }

    /// <summary>Forgets the oldest finished requests beyond the last <see cref="Kept"/>.</summary>
    private void Forget()
    {
        var finished = _tickets.Values.Where(t => t.IsFinished).OrderBy(t => t.RequestedAt).ToList();
        foreach (var old in finished.Take(Math.Max(0, _tickets.Count - Kept)))
        {
            _tickets.Remove(old.Id);
        }
    }

    private static string Describe(RestoreRequest r)
    {
        var parts = new List<string> { $"--store {r.StoreUrl}", r.Snapshot.Id is { } snapshot ? $"--snapshot {snapshot}" : $"--at {r.Snapshot.At}" };
        parts.Add($"--to {r.TargetKind}:{ConnectionStrings.Redact(r.TargetConnection)}");
        if (r.Tables is { } tables)
        {
            parts.Add($"--tables {string.Join(",", tables)}");
        }
        if (r.Schema is { } schema)
        {
            parts.Add($"--schema {schema}");
        }
        if (r.ModeGiven)
        {
            parts.Add($"--mode {r.Mode.ToString().ToLowerInvariant()}");
        }
        if (r.IntoSource)
        {
            parts.Add("--into-source");
        }
        if (r.Confirmed)
        {
            parts.Add("--yes");
        }
        if (r.DryRun)
        {
            parts.Add("--dry-run");
        }
        return string.Join(" ", parts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restore request {Id} by {By}: restore {What}; queued at {At} behind {Ahead} requests for that target")]
    private partial void Queued(string id, string by, string what, string at, int ahead);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restore request {Id} by {By} running: restore {What}")]
    private partial void Running(string id, string by, string what);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restore request {Id} (dry run): snapshot {SnapshotId} into {Target} checked, {Changes} changes planned; nothing was changed")]
    private partial void Checked(string id, string snapshotId, string target, int changes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restore request {Id} succeeded: snapshot {SnapshotId} restored into {Target}, {Tables} tables, {Rows} rows")]
    private partial void Succeeded(string id, string snapshotId, string target, int tables, long rows);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restore request {Id} refused, nothing was changed: {Reason}")]
    private partial void Refused(string id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restore request {Id} cancelled by the shutdown; tables already committed stay restored")]
    private partial void Cancelled(string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restore request {Id} failed: {Reason}")]
    private partial void Failed(Exception exception, string id, string reason);
}

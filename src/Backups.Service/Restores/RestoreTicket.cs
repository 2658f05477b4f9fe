using NodaTime;

namespace Backups.Service.Restores;

/// <summary>One restore request and what became of it, as <c>GET /restores/{id}</c> shows it.</summary>
/// <param name="Id">The request's id.</param>
/// <param name="RequestedBy">Who asked (as the client said) and from where.</param>
/// <param name="RequestedAt">When it was queued.</param>
/// <param name="What">The request in one line, as <c>backups restore</c> flags (connection strings redacted).</param>
/// <param name="Target">The target, redacted: requests for one target run one at a time.</param>
/// <param name="DryRun">Whether it only checks.</param>
internal sealed record RestoreTicket(string Id, string RequestedBy, Instant RequestedAt, string What, string Target, bool DryRun)
{
    public RestoreState State { get; init; } = RestoreState.Queued;

    public Instant? StartedAt { get; init; }

    public Instant? FinishedAt { get; init; }

    /// <summary>The snapshot chosen, once resolved.</summary>
    public string? SnapshotId { get; init; }

    /// <summary>What changed (or, for a dry run, would change), each as the log says it.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    public int Tables { get; init; }

    public long Rows { get; init; }

    /// <summary>Why it failed or was refused.</summary>
    public string? Error { get; init; }

    public bool IsFinished => State is not (RestoreState.Queued or RestoreState.Running);
}

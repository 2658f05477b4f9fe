using Backups.Operations.Restore;

namespace Backups.Service.Restores;

/// <summary>Logs each change of a requested restore before it is made (through <paramref name="log"/>) and adds it to the request's status.</summary>
internal sealed class TicketChanges(RestoreQueue queue, string id, IRestoreObserver log) : IRestoreObserver
{
    public void Mutating(RestoreAction action)
    {
        log.Mutating(action);
        queue.Changed(id, action.Description);
    }

    public void Progress(RestoreProgress progress) => log.Progress(progress);
}

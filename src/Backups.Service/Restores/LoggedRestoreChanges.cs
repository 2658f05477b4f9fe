using Backups.Operations.Restore;
using Microsoft.Extensions.Logging;

namespace Backups.Service.Restores;

/// <summary>Logs every change a restore makes to its target before it is made (progress is not logged).</summary>
internal sealed partial class LoggedRestoreChanges(ILogger log, string purpose, string target) : IRestoreObserver
{
    public void Mutating(RestoreAction action) => Changing(purpose, target, action.Description);

    public void Progress(RestoreProgress progress)
    {
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Purpose}: {Target}: {Change}")]
    private partial void Changing(string purpose, string target, string change);
}

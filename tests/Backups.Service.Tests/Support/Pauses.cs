using Backups.Operations;
using Backups.Operations.Control;
using Backups.Service.Hosting;

namespace Backups.Service.Tests.Support;

/// <summary>Pauses jobs of a policy in its store, as <c>backups pause</c> does.</summary>
public static class Pauses
{
    /// <summary>
    /// Pauses retention, so that every snapshot a test takes stays (retention keeps one per calendar hour, which
    /// would expire snapshots taken seconds apart).
    /// </summary>
    public static async Task RetentionAsync(string store, string policy)
    {
        using var handle = StoreOpener.Open(store, _ => null);
        await new PauseState(handle.Store, new ServiceClock(TimeProvider.System))
            .PauseAsync(policy, [PausableJob.Retention], "the test keeps every snapshot", "test", CancellationToken.None);
    }
}

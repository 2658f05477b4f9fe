namespace Backups.Operations.Restore;

/// <summary>What a running restore tells its caller: each change to the target before it is made, and progress.</summary>
public interface IRestoreObserver
{
    /// <summary>Called before the change is made (and never when it is not).</summary>
    void Mutating(RestoreAction action);

    /// <summary>Called often; cheap implementations only.</summary>
    void Progress(RestoreProgress progress);
}

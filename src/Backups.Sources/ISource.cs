namespace Backups.Sources;

/// <summary>A database that can be read as one consistent logical snapshot.</summary>
public interface ISource
{
    /// <summary>
    /// Starts a snapshot: fixes the point in time every later read sees, captures the schema of the
    /// selected tables and guards them against concurrent DROP until the session is disposed.
    /// </summary>
    /// <exception cref="SourceUnavailableException">The database cannot be reached or refuses the login.</exception>
    /// <exception cref="TableSelectionException">An include pattern matches no table.</exception>
    /// <exception cref="UnsupportedColumnTypeException">A selected table has a column whose type cannot be read exactly.</exception>
    /// <exception cref="TableVanishedException">A selected table was dropped between the snapshot and its lock.</exception>
    /// <exception cref="TableLockException">A table stayed locked by another session past <see cref="SourceOptions.LockTimeout"/>.</exception>
    Task<ISourceSession> OpenSnapshotAsync(SourceSelection selection, CancellationToken ct);
}

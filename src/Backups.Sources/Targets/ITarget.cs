namespace Backups.Sources.Targets;

/// <summary>A database that snapshot tables can be restored into.</summary>
public interface ITarget
{
    /// <summary>Connects and reads the target's identity.</summary>
    /// <param name="snapshotSourceKind">
    /// The dialect the snapshot was taken from (<see cref="Backups.Domain.Schema.SourceIdentity.Kind"/> of its
    /// source): the same dialect keeps every column's native type verbatim; another dialect maps types by kind.
    /// </param>
    /// <exception cref="SourceUnavailableException">The database cannot be reached or refuses the login.</exception>
    Task<ITargetSession> OpenAsync(string snapshotSourceKind, CancellationToken ct);
}

namespace Backups.Catalog;

/// <summary>Receives audit entries. Recording must succeed before the audited action may proceed.</summary>
public interface IAuditSink
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}

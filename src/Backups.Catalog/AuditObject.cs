namespace Backups.Catalog;

/// <summary>An object an audited action touches.</summary>
public sealed record AuditObject(string Key, long Size, string? StorageClass = null);

namespace Backups.Catalog;

/// <summary>An audit entry as the catalog holds it.</summary>
/// <param name="StoreUrl">The store whose log holds the entry.</param>
/// <param name="Key">The entry's object key under <c>audit/</c> in that store.</param>
/// <param name="Entry">The entry.</param>
public sealed record CatalogAuditRecord(string StoreUrl, string Key, AuditEntry Entry);

using Backups.Storage;

namespace Backups.Operations.Garbage;

/// <summary>A temporary file of the store itself (the directory store's <c>.tmp/</c>), and whether gc may delete it yet.</summary>
public sealed record StoreTemporaryGarbage(TemporaryFile File, bool Eligible, string Reason);

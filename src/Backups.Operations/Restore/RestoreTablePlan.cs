using Backups.Domain.Schema;
using Backups.Snapshots;

namespace Backups.Operations.Restore;

/// <summary>How one snapshot table goes into the target: where, whether it is created, and how it is loaded.</summary>
internal sealed record RestoreTablePlan(
    ManifestTable Table, TableSchema Schema, string? TargetSchema, string Target, bool Exists, RestoreAction? Create, RestoreAction Load)
{
    public long Bytes => Table.Parts.Sum(p => p.Size);
}

using Backups.Snapshots;

namespace Backups.Operations.Restore;

/// <summary>One change to the target, described before it is made.</summary>
/// <param name="Kind">What is done.</param>
/// <param name="Table">The snapshot table.</param>
/// <param name="Target">The table's schema-qualified name in the target.</param>
/// <param name="Description">One sentence for the operator's log, e.g. <c>create table vacols.brieff (73 columns, primary key bfkey)</c>.</param>
public sealed record RestoreAction(RestoreActionKind Kind, ManifestTable Table, string Target, string Description);

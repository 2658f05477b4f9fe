using Backups.Domain.Schema;

namespace Backups.Snapshots.Writing;

/// <summary>One unit of a snapshot's work: a table (its index in the request), whole or one slice of it.</summary>
internal sealed record WorkItem(int Table, TableSlice? Slice, long EstimatedRows);

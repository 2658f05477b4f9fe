namespace Backups.Domain.Schema;

/// <summary>
/// One of the disjoint parts a source splits a large table into, so that several readers can read the table at
/// once. Read one after the other in <see cref="Index"/> order, the slices give exactly the table's rows in the
/// table's usual order. <see cref="Filter"/> means something only to the source that made the slice.
/// </summary>
public sealed record TableSlice(int Index, int Count, string Filter);

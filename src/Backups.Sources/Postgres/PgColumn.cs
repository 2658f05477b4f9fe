using Backups.Domain.Schema;

namespace Backups.Sources.Postgres;

/// <summary>A captured column and how to read it exactly.</summary>
/// <param name="Schema">The column as reported to callers.</param>
/// <param name="Projection">The select-list expression (the quoted column, possibly cast).</param>
/// <param name="ReadAs">Wire type of the projection.</param>
internal sealed record PgColumn(ColumnSchema Schema, string Projection, PgReadAs ReadAs)
{
    /// <summary>Whether some stored values of this type have no CLR representation (infinity, BC, year 10000+, 24:00).</summary>
    public bool NeedsRangeCheck => ReadAs is PgReadAs.Date or PgReadAs.Time or PgReadAs.Timestamp or PgReadAs.TimestampTz;
}

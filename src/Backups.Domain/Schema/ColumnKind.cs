namespace Backups.Domain.Schema;

/// <summary>
/// The dialect-independent type of a column. Every source dialect maps its native types onto these
/// kinds, and hands out values of exactly the canonical CLR type listed here (or null):
/// snapshot writers, readers, restorers and diffs rely on it.
/// </summary>
public enum ColumnKind
{
    /// <summary><see cref="bool"/>.</summary>
    Boolean,
    /// <summary><see cref="short"/>.</summary>
    Int16,
    /// <summary><see cref="int"/>.</summary>
    Int32,
    /// <summary><see cref="long"/>.</summary>
    Int64,
    /// <summary><see cref="float"/>.</summary>
    Float32,
    /// <summary><see cref="double"/>.</summary>
    Float64,
    /// <summary>
    /// Exact numeric, any precision: <see cref="string"/> in invariant culture, e.g. "-12.3400"
    /// (keeps every digit and the scale; also "NaN", "Infinity", "-Infinity" where the dialect has them).
    /// </summary>
    Decimal,
    /// <summary><see cref="string"/> (any Unicode).</summary>
    Text,
    /// <summary><see cref="byte"/>[].</summary>
    Binary,
    /// <summary><see cref="DateOnly"/>.</summary>
    Date,
    /// <summary><see cref="TimeOnly"/> (microsecond precision).</summary>
    Time,
    /// <summary><see cref="DateTime"/> with <see cref="DateTimeKind.Unspecified"/>: a wall-clock time without zone.</summary>
    Timestamp,
    /// <summary><see cref="DateTime"/> with <see cref="DateTimeKind.Utc"/>: an instant.</summary>
    TimestampTz,
    /// <summary><see cref="Guid"/>.</summary>
    Uuid,
    /// <summary><see cref="string"/> holding a JSON document exactly as the source returned it.</summary>
    Json,
    /// <summary>
    /// <see cref="string"/>: the source dialect's own text form of a type with no kind of its own
    /// (PostgreSQL arrays, interval, inet, time with time zone, ...). Restorable into the same dialect
    /// by casting the text back to <see cref="ColumnSchema.SourceType"/>; refused across dialects.
    /// </summary>
    DialectText,
}

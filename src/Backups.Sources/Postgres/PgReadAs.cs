namespace Backups.Sources.Postgres;

/// <summary>How the value of a projected column travels over the wire and which CLR type it becomes.</summary>
internal enum PgReadAs
{
    Boolean,
    Int16,
    Int32,
    Int64,
    Float32,
    Float64,
    /// <summary>A text value (text, varchar, name, or any expression cast to text).</summary>
    Text,
    /// <summary>A blank-padded character value, read as PostgreSQL sends it (padding kept).</summary>
    PaddedText,
    Bytes,
    Date,
    Time,
    Timestamp,
    TimestampTz,
    Uuid,
}

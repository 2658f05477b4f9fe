namespace Backups.Domain.Schema;

/// <summary>A column as captured from the source.</summary>
/// <param name="Name">The column name exactly as the source spells it.</param>
/// <param name="SourceType">The exact native type, e.g. <c>numeric(12,2)</c>, <c>character varying(40)</c>, <c>VARCHAR2(1)</c>.</param>
/// <param name="Kind">The dialect-independent kind; decides the canonical CLR type of values.</param>
/// <param name="IsNullable">Whether NULL is allowed.</param>
/// <param name="Precision">Numeric precision (digits) or fractional-second precision, where the source declares one.</param>
/// <param name="Scale">Numeric scale, where declared.</param>
/// <param name="MaxLength">Declared maximum length of character or binary data, where declared.</param>
public sealed record ColumnSchema(
    string Name,
    string SourceType,
    ColumnKind Kind,
    bool IsNullable,
    int? Precision = null,
    int? Scale = null,
    int? MaxLength = null);

namespace Backups.Sources.Postgres;

/// <summary>
/// A column's type as PostgreSQL's catalog describes it, with domains resolved to their base type.
/// </summary>
/// <param name="FormattedType">format_type(atttypid, atttypmod): the exact declared type, e.g. <c>numeric(12,2)</c>.</param>
/// <param name="BaseOid">OID of the type after resolving domains.</param>
/// <param name="BaseName">typname of the base type.</param>
/// <param name="BaseSchema">Namespace of the base type (<c>pg_catalog</c> for built-ins).</param>
/// <param name="TypType">typtype of the base type: b base, c composite, e enum, r range, m multirange, p pseudo.</param>
/// <param name="Category">typcategory of the base type (<c>A</c> for arrays).</param>
/// <param name="ElementName">For arrays of built-in (pg_catalog) types, the element's typname, else null.</param>
/// <param name="ElementTypType">typtype of the array element, or null.</param>
/// <param name="TypeModifier">atttypmod, or the domain's typtypmod when the column has none.</param>
/// <param name="IsDomain">Whether the declared type is a domain.</param>
internal sealed record PgTypeInfo(
    string FormattedType,
    uint BaseOid,
    string BaseName,
    string BaseSchema,
    char TypType,
    char Category,
    string? ElementName,
    char? ElementTypType,
    int TypeModifier,
    bool IsDomain);

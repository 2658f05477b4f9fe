using Backups.Domain.Schema;

namespace Backups.Sources.Postgres;

/// <summary>
/// Maps a PostgreSQL column type to a <see cref="ColumnKind"/> and the select-list expression that reads
/// it exactly. The full list, with what is refused and why, is in this project's README.
/// </summary>
internal static class PgTypeMapper
{
    private static readonly HashSet<string> OidValuedTypes = new(StringComparer.Ordinal)
    {
        "regproc", "regprocedure", "regoper", "regoperator", "regclass", "regtype", "regrole",
        "regnamespace", "regconfig", "regdictionary", "regcollation",
    };

    private static readonly HashSet<string> InternalTypes = new(StringComparer.Ordinal)
    {
        "tid", "xid", "xid8", "cid", "aclitem", "pg_node_tree", "pg_ndistinct", "pg_dependencies",
        "pg_mcv_list", "pg_brin_bloom_summary", "pg_brin_minmax_multi_summary", "unknown",
    };

    public static PgColumn Map(string table, string column, bool notNull, PgTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Refuse(table, column, type);
        var ident = PgSql.Ident(column);
        var cast = type.IsDomain ? $"{ident}::{PgSql.Qualified(type.BaseSchema, type.BaseName)}" : ident;
        var text = $"{ident}::text";
        var (kind, projection, readAs) = type.BaseSchema == "pg_catalog"
            ? MapBuiltIn(type.BaseName, cast, text)
            : MapExtension(type, text);
        var (precision, scale, maxLength) = Modifiers(type.BaseName, type.TypeModifier);
        var schema = new ColumnSchema(column, type.FormattedType, kind, !notNull, precision, scale, maxLength);
        return new PgColumn(schema, projection, readAs);
    }

    private static (ColumnKind, string, PgReadAs) MapBuiltIn(string name, string cast, string text) => name switch
    {
        "bool" => (ColumnKind.Boolean, cast, PgReadAs.Boolean),
        "int2" => (ColumnKind.Int16, cast, PgReadAs.Int16),
        "int4" => (ColumnKind.Int32, cast, PgReadAs.Int32),
        "int8" => (ColumnKind.Int64, cast, PgReadAs.Int64),
        "float4" => (ColumnKind.Float32, cast, PgReadAs.Float32),
        "float8" => (ColumnKind.Float64, cast, PgReadAs.Float64),
        "numeric" => (ColumnKind.Decimal, text, PgReadAs.Text),
        "text" or "varchar" or "name" => (ColumnKind.Text, text, PgReadAs.Text),
        // Casting char(n) to text would strip the padding; read it as the server sends it.
        "bpchar" => (ColumnKind.Text, cast, PgReadAs.PaddedText),
        "bytea" => (ColumnKind.Binary, cast, PgReadAs.Bytes),
        "date" => (ColumnKind.Date, cast, PgReadAs.Date),
        "time" => (ColumnKind.Time, cast, PgReadAs.Time),
        "timestamp" => (ColumnKind.Timestamp, cast, PgReadAs.Timestamp),
        "timestamptz" => (ColumnKind.TimestampTz, cast, PgReadAs.TimestampTz),
        "uuid" => (ColumnKind.Uuid, cast, PgReadAs.Uuid),
        "json" or "jsonb" => (ColumnKind.Json, text, PgReadAs.Text),
        // inet's cast to text always appends the netmask; abbrev() gives the type's own output form.
        "inet" => (ColumnKind.DialectText, $"pg_catalog.abbrev({cast})", PgReadAs.Text),
        _ => (ColumnKind.DialectText, text, PgReadAs.Text),
    };

    private static (ColumnKind, string, PgReadAs) MapExtension(PgTypeInfo type, string text) =>
        type is { BaseName: "citext", TypType: 'b' }
            ? (ColumnKind.Text, text, PgReadAs.Text)
            : (ColumnKind.DialectText, text, PgReadAs.Text);

    private static void Refuse(string table, string column, PgTypeInfo type)
    {
        var builtIn = type.BaseSchema == "pg_catalog";
        if (type.TypType == 'p')
        {
            throw new UnsupportedColumnTypeException(table, column, type.FormattedType, "a pseudo-type has no stored values to read");
        }

        if (builtIn && OidValuedTypes.Contains(type.BaseName))
        {
            throw new UnsupportedColumnTypeException(table, column, type.FormattedType,
                "its values are object identifiers that only mean something inside this database");
        }

        if (builtIn && InternalTypes.Contains(type.BaseName))
        {
            throw new UnsupportedColumnTypeException(table, column, type.FormattedType,
                "a system-internal type whose values cannot be restored elsewhere");
        }

        if (type.ElementName is { } element && (OidValuedTypes.Contains(element) || InternalTypes.Contains(element)))
        {
            throw new UnsupportedColumnTypeException(table, column, type.FormattedType,
                $"an array of {element}, whose values cannot be restored elsewhere");
        }

        if (type.ElementTypType == 'p')
        {
            throw new UnsupportedColumnTypeException(table, column, type.FormattedType, "an array of a pseudo-type");
        }
    }

    internal static (int? Precision, int? Scale, int? MaxLength) Modifiers(string baseName, int typmod)
    {
        if (typmod < 0)
        {
            return (null, null, null);
        }

        switch (baseName)
        {
            case "numeric" when typmod >= 4:
                var packed = typmod - 4;
                // PostgreSQL 15+ packs a signed 11-bit scale (negative scales are allowed).
                var scale = ((packed & 0x7ff) ^ 1024) - 1024;
                return ((packed >> 16) & 0xffff, scale, null);
            case "varchar" or "bpchar" when typmod >= 4:
                return (null, null, typmod - 4);
            case "bit" or "varbit":
                return (null, null, typmod);
            case "time" or "timetz" or "timestamp" or "timestamptz":
                return (typmod, null, null);
            case "interval" when (typmod & 0xffff) != 0xffff:
                return (typmod & 0xffff, null, null);
            default:
                return (null, null, null);
        }
    }
}

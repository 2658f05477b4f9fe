using Backups.Domain.Schema;

namespace Backups.TestFixtures.AllTypes;

/// <summary>The PostgreSQL columns of the all-types table and the values a source must read back.</summary>
internal static class PostgresAllTypes
{
    public static readonly IReadOnlyList<AllTypesColumn> Columns =
    [
        Column("c_bool", "boolean", ColumnKind.Boolean, V("true", true), V("false", false), V("NULL", null)),
        Column("c_int2", "smallint", ColumnKind.Int16, V("-32768", short.MinValue), V("32767", short.MaxValue), V("0", (short)0)),
        Column("c_int4", "integer", ColumnKind.Int32, V("-2147483648", int.MinValue), V("2147483647", int.MaxValue)),
        Column("c_int8", "bigint", ColumnKind.Int64, V("-9223372036854775808", long.MinValue), V("9223372036854775807", long.MaxValue)),
        Column("c_float4", "real", ColumnKind.Float32,
            V("'-0'", -0f), V("'NaN'", float.NaN), V("'-Infinity'", float.NegativeInfinity), V("'3.4028235e38'", float.MaxValue),
            V("'1e-45'", float.Epsilon), V("'0.1'", 0.1f)),
        Column("c_float8", "double precision", ColumnKind.Float64,
            V("'-0'", -0d), V("'NaN'", double.NaN), V("'Infinity'", double.PositiveInfinity), V("'4.9e-324'", double.Epsilon),
            V("'1.7976931348623157e308'", double.MaxValue), V("'0.1'", 0.1)),
        Column("c_numeric", "numeric", ColumnKind.Decimal,
            V("'1234567890123456789012345678901234567890.0123456789'", "1234567890123456789012345678901234567890.0123456789"),
            V("'NaN'", "NaN"), V("'-0.000'", "0.000"), V("'Infinity'", "Infinity"), V("'-Infinity'", "-Infinity"), V("'-12.3400'", "-12.3400")),
        Column("c_numeric_12_4", "numeric(12,4)", ColumnKind.Decimal, V("'-12.34'", "-12.3400"), V("'0.00005'", "0.0001"), V("'99999999.9999'", "99999999.9999")),
        Column("c_text", "text", ColumnKind.Text,
            Text(""), V("NULL", null), Text("héllo wörld"), Text("👩‍👩‍👧‍👦 family"), Text("e\u0301 = \u00e9?"),
            Text("line1\nline2\ttab \\ back'slash \"quoted\"")),
        Column("c_varchar", "varchar(10)", ColumnKind.Text, Text("abc"), Text("ten chars!"), Text(" ")),
        Column("c_char", "char(5)", ColumnKind.Text, V("'ab'", "ab   "), V("''", "     "), V("'abcde'", "abcde")),
        Column("c_name", "name", ColumnKind.Text, Text("some_name")),
        Column("c_bytea", "bytea", ColumnKind.Binary,
            V("'\\x00ff00'::bytea", new byte[] { 0x00, 0xff, 0x00 }), V("'\\x'::bytea", Array.Empty<byte>()), V("NULL", null),
            V("'\\x000000'::bytea", new byte[3])),
        Column("c_date", "date", ColumnKind.Date,
            V("'0001-01-01'", new DateOnly(1, 1, 1)), V("'9999-12-31'", new DateOnly(9999, 12, 31)), V("'2024-02-29'", new DateOnly(2024, 2, 29))),
        Column("c_time", "time", ColumnKind.Time,
            V("'00:00:00'", TimeOnly.MinValue), V("'23:59:59.999999'", new TimeOnly(23, 59, 59).Add(TimeSpan.FromTicks(9_999_990))),
            V("'12:34:56.789012'", new TimeOnly(12, 34, 56).Add(TimeSpan.FromTicks(7_890_120)))),
        Column("c_timestamp", "timestamp", ColumnKind.Timestamp,
            V("'0001-01-01 00:00:00'", new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)),
            V("'9999-12-31 23:59:59.999999'", new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Unspecified).AddTicks(9_999_990)),
            V("'2024-02-29 12:34:56.123456'", new DateTime(2024, 2, 29, 12, 34, 56, DateTimeKind.Unspecified).AddTicks(1_234_560))),
        Column("c_timestamptz", "timestamptz", ColumnKind.TimestampTz,
            V("'2024-02-29 12:34:56.123456+05:30'", new DateTime(2024, 2, 29, 7, 4, 56, DateTimeKind.Utc).AddTicks(1_234_560)),
            V("'0001-01-01 00:00:00+00'", new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            V("'1970-01-01 00:00:00+00'", DateTime.UnixEpoch)),
        Column("c_uuid", "uuid", ColumnKind.Uuid,
            V("'00000000-0000-0000-0000-000000000000'", Guid.Empty),
            V("'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'", Guid.Parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))),
        Column("c_json", "json", ColumnKind.Json, Text("{\"b\": 1,   \"a\": [1, 2]}"), V("'null'", "null")),
        Column("c_jsonb", "jsonb", ColumnKind.Json, V("'{\"b\":1,\"a\":[1,2], \"a\": 3}'", "{\"a\": 3, \"b\": 1}"), V("'\"\\u00e9\"'", "\"é\"")),
        Column("c_int_array", "integer[]", ColumnKind.DialectText, V("'{1,NULL,3}'", "{1,NULL,3}"), V("'{}'", "{}")),
        Column("c_text_array", "text[]", ColumnKind.DialectText, V("ARRAY['a b', NULL, '', 'c\"d']", "{\"a b\",NULL,\"\",\"c\\\"d\"}")),
        Column("c_float8_array", "double precision[]", ColumnKind.DialectText, V("'{0.1,-0,NaN}'", "{0.1,-0,NaN}")),
        Column("c_interval", "interval", ColumnKind.DialectText,
            V("'1 year 2 months 3 days 04:05:06.789'", "1 year 2 mons 3 days 04:05:06.789"), V("'-1 day'", "-1 days")),
        Column("c_inet", "inet", ColumnKind.DialectText, V("'192.168.0.1/24'", "192.168.0.1/24"), V("'::1'", "::1")),
        Column("c_cidr", "cidr", ColumnKind.DialectText, V("'10.0.0.0/8'", "10.0.0.0/8")),
        Column("c_macaddr", "macaddr", ColumnKind.DialectText, V("'08-00-2B-01-02-03'", "08:00:2b:01:02:03")),
        Column("c_timetz", "timetz", ColumnKind.DialectText, V("'12:34:56.5+02'", "12:34:56.5+02")),
        Column("c_bit", "bit(4)", ColumnKind.DialectText, V("B'1010'", "1010")),
        Column("c_varbit", "varbit", ColumnKind.DialectText, V("B'1'", "1"), V("B''", "")),
        Column("c_xml", "xml", ColumnKind.DialectText, Text("<a>x &amp; y</a>")),
        Column("c_enum", "all_types_mood", ColumnKind.DialectText, V("'happy'", "happy")),
        Column("c_amount", "all_types_amount", ColumnKind.Decimal, V("'12.5'", "12.50")),
        Column("c_code", "all_types_code", ColumnKind.Text, V("'x'", "x  ")),
        Column("c_point", "point", ColumnKind.DialectText, V("'(1.5,-2)'", "(1.5,-2)")),
        Column("c_int4range", "int4range", ColumnKind.DialectText, V("'[1,5)'", "[1,5)"), V("'(1,5]'", "[2,6)"), V("'empty'", "empty")),
        Column("c_tsvector", "tsvector", ColumnKind.DialectText, V("'a fat cat'", "'a' 'cat' 'fat'")),
        Column("c_oid", "oid", ColumnKind.DialectText, V("'4294967295'", "4294967295")),
    ];

    private static AllTypesColumn Column(string name, string type, ColumnKind kind, params AllTypesValue[] values) =>
        new(name, type, SourceType(type), kind, values);

    private static AllTypesValue V(string literal, object? expected) => new(literal, expected);

    private static AllTypesValue Text(string value) => new("'" + value.Replace("'", "''", StringComparison.Ordinal) + "'", value);

    /// <summary>What format_type reports for the declared type.</summary>
    private static string SourceType(string declared) => declared switch
    {
        "varchar(10)" => "character varying(10)",
        "char(5)" => "character(5)",
        "time" => "time without time zone",
        "timestamp" => "timestamp without time zone",
        "timestamptz" => "timestamp with time zone",
        "timetz" => "time with time zone",
        "varbit" => "bit varying",
        _ => declared,
    };
}

using Backups.Domain.Schema;

namespace Backups.TestFixtures.AllTypes;

/// <summary>
/// The SQLite columns of the all-types table. Values go through SQLite's type affinity on insert
/// (text '42' in an INTEGER column becomes 42, 1.50 in a TEXT column becomes '1.5'): the expected
/// values are what SQLite stores, read back exactly.
/// </summary>
internal static class SqliteAllTypes
{
    public static readonly IReadOnlyList<AllTypesColumn> Columns =
    [
        Column("c_integer", "INTEGER", ColumnKind.Int64, V("-9223372036854775808", long.MinValue), V("9223372036854775807", long.MaxValue), V("0", 0L)),
        Column("c_bigint", "BIGINT", ColumnKind.Int64, V("'42'", 42L)),
        Column("c_real", "REAL", ColumnKind.Float64,
            V("0.1", 0.1), V("1.7976931348623157e308", double.MaxValue), V("4.9e-324", double.Epsilon), V("-1.5", -1.5), V("9e999", double.PositiveInfinity), V("5", 5.0)),
        Column("c_double", "DOUBLE PRECISION", ColumnKind.Float64, V("2.5", 2.5)),
        Column("c_text", "TEXT", ColumnKind.Text,
            Text(""), Text("👩‍👩‍👧‍👦 family"), Text("e\u0301 = \u00e9?"), Text("it's \"quoted\"\nnew line"), V("123", "123"), V("1.50", "1.5")),
        Column("c_varchar", "VARCHAR(5)", ColumnKind.Text, Text("longer than five")),
        Column("c_clob", "CLOB", ColumnKind.Text, Text("x")),
        Column("c_blob", "BLOB", ColumnKind.Binary, V("X'00FF00'", new byte[] { 0x00, 0xff, 0x00 }), V("X''", Array.Empty<byte>()), V("zeroblob(3)", new byte[3])),
        Column("c_numeric", "NUMERIC(20,4)", ColumnKind.Decimal,
            V("12.34", "12.34"), V("1e20", "100000000000000000000"), V("'007'", "7"), V("-0.5", "-0.5"), V("1.5e-7", "0.00000015")),
        Column("c_decimal", "DECIMAL(10,2)", ColumnKind.Decimal, V("'1.10'", "1.1")),
        Column("c_bool", "BOOLEAN", ColumnKind.Boolean, V("1", true), V("0", false), V("TRUE", true)),
        Column("c_date", "DATE", ColumnKind.Text, Text("2024-02-29"), Text("0001-01-01")),
        Column("c_datetime", "DATETIME", ColumnKind.Text, Text("2024-02-29 12:34:56.789")),
        Column("c_untyped_int", "", ColumnKind.Int64, V("1", 1L), V("-5", -5L)),
        Column("c_untyped_blob", "", ColumnKind.Binary, V("X'01'", new byte[] { 1 })),
        Column("c_untyped_null", "", ColumnKind.Text),
    ];

    private static AllTypesColumn Column(string name, string type, ColumnKind kind, params AllTypesValue[] values) =>
        new(name, type, type, kind, values);

    private static AllTypesValue V(string literal, object? expected) => new(literal, expected);

    private static AllTypesValue Text(string value) => new("'" + value.Replace("'", "''", StringComparison.Ordinal) + "'", value);
}

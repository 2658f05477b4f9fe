using Backups.Domain.Schema;
using Backups.Operations.Diff;

namespace Backups.Restore.Tests.Diff;

/// <summary>
/// The exact spelling of repair-script literals, for review (RepairScriptTests runs them against PostgreSQL for
/// every type).
/// </summary>
public sealed class PostgresLiteralTests
{
    private readonly RepairDialect _dialect = RepairDialect.For("postgres");

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("back\\slash", "E'back\\\\slash'")]
    [InlineData("two\nlines\ttab", "E'two\\nlines\\ttab'")]
    [InlineData("bell\u0007", "E'bell\\x07'")]
    [InlineData("é 👩‍👩‍👧", "'é 👩‍👩‍👧'")]
    public void Text_is_quoted_on_one_line(string value, string expected) =>
        _dialect.Literal(Column(ColumnKind.Text, "character varying(40)"), value, typed: false).ShouldBe(expected);

    [Fact]
    public void Exact_numerics_keep_every_digit_and_special_values_are_quoted()
    {
        var numeric = Column(ColumnKind.Decimal, "numeric(12,2)");
        _dialect.Literal(numeric, "-12.50", typed: false).ShouldBe("-12.50");
        _dialect.Literal(numeric, "-12.50", typed: true).ShouldBe("'-12.50'::numeric(12,2)");
        _dialect.Literal(Column(ColumnKind.Decimal, "numeric"), "NaN", typed: false).ShouldBe("'NaN'");
    }

    [Fact]
    public void Floats_times_binary_and_NULL_carry_their_type()
    {
        _dialect.Literal(Column(ColumnKind.Float64, "double precision"), 0.1, typed: false).ShouldBe("'0.1'::double precision");
        _dialect.Literal(Column(ColumnKind.Float32, "real"), float.NaN, typed: false).ShouldBe("'NaN'::real");
        _dialect.Literal(Column(ColumnKind.Timestamp, "timestamp without time zone"), new DateTime(2024, 2, 29, 12, 34, 56, DateTimeKind.Unspecified).AddTicks(1_234_560), typed: false)
            .ShouldBe("'2024-02-29 12:34:56.123456'::timestamp without time zone");
        _dialect.Literal(Column(ColumnKind.TimestampTz, "timestamp with time zone"), new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), typed: false)
            .ShouldBe("'2024-01-02 03:04:05+00'::timestamp with time zone");
        _dialect.Literal(Column(ColumnKind.Binary, "bytea"), new byte[] { 0, 0xff }, typed: false).ShouldBe("E'\\\\x00ff'::bytea");
        _dialect.Literal(Column(ColumnKind.Date, "date"), null, typed: true).ShouldBe("NULL::date");
        _dialect.Literal(Column(ColumnKind.Date, "date"), null, typed: false).ShouldBe("NULL");
    }

    [Fact]
    public void Guards_compare_NULL_safely_and_types_without_equality_through_their_text()
    {
        _dialect.Holds(Column(ColumnKind.Text, "character varying(1)", "bfso"), null).ShouldBe("\"bfso\" IS NOT DISTINCT FROM NULL");
        _dialect.Holds(Column(ColumnKind.Json, "json", "doc"), "{\"a\": 1}").ShouldBe("\"doc\"::text IS NOT DISTINCT FROM '{\"a\": 1}'");
        _dialect.Holds(Column(ColumnKind.DialectText, "inet", "ip"), "10.0.0.1").ShouldBe("abbrev(\"ip\") IS NOT DISTINCT FROM '10.0.0.1'");
        _dialect.KeyEquals(Column(ColumnKind.Int64, "bigint", "id"), 42L).ShouldBe("\"id\" = 42");
    }

    private static DiffColumn Column(ColumnKind kind, string type, string name = "c") => new(name, kind, type, type, 0, 0, false, true);
}

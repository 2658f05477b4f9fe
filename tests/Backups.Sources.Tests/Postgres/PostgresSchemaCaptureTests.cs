using Backups.Domain.Schema;
using Backups.Sources.Tests.Support;
using Backups.TestFixtures.AllTypes;
using Backups.TestFixtures.Postgres;
using Backups.TestFixtures.Vacols;

namespace Backups.Sources.Tests.Postgres;

public sealed class PostgresSchemaCaptureTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly SourceSelection Vacols = new("vacols", [], []);

    [PostgresFact]
    public async Task Every_VACOLS_table_is_captured_with_exact_types_nullability_and_keys_in_column_order()
    {
        await using var session = await db.Source().OpenSnapshotAsync(Vacols, CancellationToken.None);

        session.Tables.Select(t => t.Name).ShouldBe(VacolsFixture.Tables.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var expected in VacolsFixture.Tables)
        {
            var table = session.Table(expected.Name);
            table.Schema.ShouldBe("vacols");
            table.QualifiedName.ShouldBe($"vacols.{expected.Name}");
            table.PrimaryKey.ShouldBe(expected.PrimaryKey);
            table.Columns.Select(c => c.Name).ShouldBe(expected.Columns.Select(c => c.Name));
            foreach (var (column, fixture) in table.Columns.Zip(expected.Columns))
            {
                var where = $"{table.QualifiedName}.{column.Name}";
                column.SourceType.ShouldBe(FormatType(fixture.PostgresType), where);
                column.IsNullable.ShouldBe(!fixture.NotNull, where);
                column.Kind.ShouldBe(fixture.Oracle.Type == "NUMBER" ? ColumnKind.Decimal : fixture.Oracle.Type == "DATE" ? ColumnKind.Timestamp : ColumnKind.Text, where);
            }
        }
    }

    [PostgresFact]
    public async Task The_incident_column_and_its_neighbours_carry_precise_types()
    {
        await using var session = await db.Source().OpenSnapshotAsync(Vacols with { Include = ["brieff", "staff", "decass", "tbsched", "hearsched"] }, CancellationToken.None);

        var brieff = session.Table("brieff");
        brieff.Columns.Single(c => c.Name == "bfso").ShouldBe(new ColumnSchema("bfso", "character varying(1)", ColumnKind.Text, true, null, null, 1));
        brieff.Columns.Single(c => c.Name == "bfkey").ShouldBe(new ColumnSchema("bfkey", "character varying(12)", ColumnKind.Text, false, null, null, 12));
        brieff.Columns.Single(c => c.Name == "bfcallup").ShouldBe(new ColumnSchema("bfcallup", "character(1)", ColumnKind.Text, true, null, null, 1));
        brieff.Columns.Single(c => c.Name == "bfddec").ShouldBe(new ColumnSchema("bfddec", "timestamp without time zone", ColumnKind.Timestamp, true));
        brieff.PrimaryKey.ShouldBe(["bfkey"]);
        session.Table("staff").Columns.Single(c => c.Name == "stc1").ShouldBe(new ColumnSchema("stc1", "numeric(38,0)", ColumnKind.Decimal, true, 38, 0));
        session.Table("decass").Columns.Single(c => c.Name == "dehours").ShouldBe(new ColumnSchema("dehours", "numeric(5,2)", ColumnKind.Decimal, true, 5, 2));
        session.Table("tbsched").PrimaryKey.ShouldBe(["tbyear", "tbtrip", "tbleg"]);
        session.Table("hearsched").Columns[0].ShouldBe(new ColumnSchema("hearing_pkseq", "numeric(8,0)", ColumnKind.Decimal, false, 8, 0));
    }

    [PostgresFact]
    public async Task Every_supported_type_maps_to_its_kind_and_keeps_its_exact_declared_type()
    {
        await using var session = await db.Source().OpenSnapshotAsync(SourceSelection.All, CancellationToken.None);

        var table = session.Table(AllTypesFixture.TableName);
        table.Schema.ShouldBe("public");
        table.Columns[0].ShouldBe(new ColumnSchema("id", "integer", ColumnKind.Int32, false));
        foreach (var (column, expected) in table.Columns.Skip(1).Zip(AllTypesFixture.PostgresColumns))
        {
            column.Name.ShouldBe(expected.Name);
            column.SourceType.ShouldBe(expected.SourceType, column.Name);
            column.Kind.ShouldBe(expected.Kind, column.Name);
        }

        var byName = table.Columns.ToDictionary(c => c.Name);
        (byName["c_numeric_12_4"].Precision, byName["c_numeric_12_4"].Scale).ShouldBe((12, 4));
        byName["c_varchar"].MaxLength.ShouldBe(10);
        byName["c_char"].MaxLength.ShouldBe(5);
        byName["c_bit"].MaxLength.ShouldBe(4);
        (byName["c_amount"].Precision, byName["c_amount"].Scale).ShouldBe((7, 2));
        byName["c_code"].MaxLength.ShouldBe(3);
    }

    [PostgresFact]
    public async Task Unique_constraints_negative_scales_and_fractional_second_precision_are_captured()
    {
        await db.ExecuteAsync("""
            CREATE SCHEMA capture;
            CREATE TABLE capture.t (a int, b text, c int PRIMARY KEY, d numeric(3,-2), e timestamp(3), f time(0),
                                    UNIQUE (b, a), CONSTRAINT z_single UNIQUE (a));
            """);

        await using var session = await db.Source().OpenSnapshotAsync(new SourceSelection("capture", [], []), CancellationToken.None);

        var table = session.Table("t");
        table.PrimaryKey.ShouldBe(["c"]);
        table.UniqueConstraints.Select(u => string.Join(",", u)).ShouldBe(["b,a", "a"]);
        table.Columns.Single(c => c.Name == "d").ShouldBe(new ColumnSchema("d", "numeric(3,-2)", ColumnKind.Decimal, true, 3, -2));
        table.Columns.Single(c => c.Name == "e").ShouldBe(new ColumnSchema("e", "timestamp(3) without time zone", ColumnKind.Timestamp, true, 3));
        table.Columns.Single(c => c.Name == "f").Precision.ShouldBe(0);
    }

    [PostgresFact]
    public async Task A_type_whose_values_mean_nothing_outside_the_database_is_refused_naming_table_column_and_type()
    {
        await db.ExecuteAsync("CREATE SCHEMA refused; CREATE TABLE refused.t (id int, rel regclass);");

        var error = await Should.ThrowAsync<UnsupportedColumnTypeException>(
            () => db.Source().OpenSnapshotAsync(new SourceSelection("refused", [], []), CancellationToken.None));

        error.Table.ShouldBe("refused.t");
        error.Column.ShouldBe("rel");
        error.SourceType.ShouldBe("regclass");
        error.Message.ShouldContain("refused.t");
    }

    [PostgresFact]
    public async Task An_unknown_schema_is_reported_with_the_schemas_that_exist()
    {
        var error = await Should.ThrowAsync<TableSelectionException>(
            () => db.Source().OpenSnapshotAsync(new SourceSelection("nope", [], []), CancellationToken.None));

        error.Message.ShouldContain("nope");
        error.Message.ShouldContain("vacols");
    }

    [PostgresFact]
    public async Task Include_and_exclude_patterns_choose_the_tables_and_an_unmatched_pattern_lists_what_exists()
    {
        await using (var session = await db.Source().OpenSnapshotAsync(Vacols with { Include = ["*S*"], Exclude = ["iss*"] }, CancellationToken.None))
        {
            session.Tables.Select(t => t.Name).ShouldBe(["assign", "corres", "decass", "hearsched", "staff", "tbsched", "vftypes"]);
        }

        var error = await Should.ThrowAsync<TableSelectionException>(
            () => db.Source().OpenSnapshotAsync(Vacols with { Include = ["brieff", "nosuch*"] }, CancellationToken.None));
        error.UnmatchedPatterns.ShouldBe(["nosuch*"]);
        error.AvailableTables.ShouldContain("brieff");
        error.Message.ShouldContain("nosuch*");
        error.Message.ShouldContain("tbsched");
    }

    private static string FormatType(string declared) => declared switch
    {
        _ when declared.StartsWith("varchar(", StringComparison.Ordinal) => "character varying" + declared["varchar".Length..],
        _ when declared.StartsWith("char(", StringComparison.Ordinal) => "character" + declared["char".Length..],
        "timestamp" => "timestamp without time zone",
        _ => declared,
    };
}

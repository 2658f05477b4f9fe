using Backups.Domain.Policies;

namespace Backups.Policies.Tests.Domain;

public class SourceSpecTests
{
    [Theory]
    [InlineData("*", "BRIEFF", true)]
    [InlineData("BRIEFF", "brieff", true)]
    [InlineData("BR*", "BRIEFF", true)]
    [InlineData("*FF", "BRIEFF", true)]
    [InlineData("B*I*F", "BRIEFF", true)]
    [InlineData("BRIEF?", "BRIEFF", false)]
    [InlineData("BRIEF?", "BRIEF?", true)]
    [InlineData("*$*", "FOLDER$BAK", true)]
    [InlineData("BR*X", "BRIEFF", false)]
    [InlineData("", "BRIEFF", false)]
    [InlineData("**", "", true)]
    public void Patterns_match_with_star_as_the_only_wildcard_ignoring_case(string pattern, string table, bool matches)
    {
        SourceSpec.Matches(pattern, table).ShouldBe(matches);
    }

    [Fact]
    public void An_excluded_table_is_not_selected_even_when_included()
    {
        var source = new SourceSpec(SourceKind.Oracle, "${VACOLS_CONNECTION}", "VACOLS", ["*"], ["TMP_*", "*$BAK"]);

        source.Selects("BRIEFF").ShouldBeTrue();
        source.Selects("tmp_load").ShouldBeFalse();
        source.Selects("FOLDER$BAK").ShouldBeFalse();
    }

    [Fact]
    public void Only_included_tables_are_selected()
    {
        var source = new SourceSpec(SourceKind.Postgres, "${PG_CONNECTION}", null, ["orders", "order_*"], []);

        source.Selects("orders").ShouldBeTrue();
        source.Selects("order_lines").ShouldBeTrue();
        source.Selects("customers").ShouldBeFalse();
    }

    [Fact]
    public void Kind_and_cold_class_names_round_trip()
    {
        foreach (var kind in Enum.GetValues<SourceKind>())
        {
            SourceKindNames.TryParse(kind.Name(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(kind);
        }
        foreach (var coldClass in Enum.GetValues<ColdClass>())
        {
            ColdClassNames.TryParse(coldClass.Name(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(coldClass);
        }
        SourceKindNames.TryParse("PostgreSQL", out var postgres).ShouldBeTrue();
        postgres.ShouldBe(SourceKind.Postgres);
        ColdClassNames.TryParse("GLACIER_IR", out var glacierIr).ShouldBeTrue();
        glacierIr.ShouldBe(ColdClass.GlacierIr);
        ColdClass.DeepArchive.StorageClass().ShouldBe("DEEP_ARCHIVE");
        ColdClass.Auto.StorageClass().ShouldBeNull();
    }
}

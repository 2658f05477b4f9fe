using Backups.Sources.Selection;

namespace Backups.Sources.Tests.Selection;

public sealed class TableSelectorTests
{
    private static readonly string[] Tables = ["brieff", "folder", "issues", "issref", "MLOG$_BRIEFF", "staff"];

    [Fact]
    public void No_include_pattern_selects_every_table_in_ordinal_order() =>
        TableSelector.Select(SourceSelection.All, Tables, "db").ShouldBe(["MLOG$_BRIEFF", "brieff", "folder", "issref", "issues", "staff"]);

    [Fact]
    public void Patterns_match_case_insensitively_with_stars_anywhere() =>
        TableSelector.Select(new SourceSelection(null, ["ISS*", "*brief*", "st?ff"], []), Tables.Append("st?ff").ToList(), "db")
            .ShouldBe(["MLOG$_BRIEFF", "brieff", "issref", "issues", "st?ff"]);

    [Fact]
    public void Exclude_patterns_remove_tables_after_include_and_may_match_nothing() =>
        TableSelector.Select(new SourceSelection(null, ["*"], ["mlog$*", "iss*f", "nothing*"]), Tables, "db")
            .ShouldBe(["brieff", "folder", "issues", "staff"]);

    [Fact]
    public void An_include_pattern_matching_nothing_is_an_error_listing_the_tables_that_exist()
    {
        var error = Should.Throw<TableSelectionException>(
            () => TableSelector.Select(new SourceSelection(null, ["brieff", "corres*", "rep"], []), Tables, "schema vacols"));

        error.UnmatchedPatterns.ShouldBe(["corres*", "rep"]);
        error.AvailableTables.Count.ShouldBe(Tables.Length);
        error.Message.ShouldBe("Include patterns match no table in schema vacols: corres*, rep. Tables there: MLOG$_BRIEFF, brieff, folder, issref, issues, staff.");
    }

    [Theory]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "aXbYc", true)]
    [InlineData("a*b*c", "acb", false)]
    [InlineData("*", "", true)]
    [InlineData("ab*ab", "ab", false)]
    [InlineData("ab*ab", "abab", true)]
    [InlineData("**x", "yx", true)]
    [InlineData("Brieff", "BRIEFF", true)]
    public void Wildcards_match_runs_of_any_characters(string pattern, string name, bool matches) =>
        new WildcardPattern(pattern).Matches(name).ShouldBe(matches);
}

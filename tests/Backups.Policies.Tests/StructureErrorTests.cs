using Backups.Policies.Tests.Support;

namespace Backups.Policies.Tests;

/// <summary>Errors in the shape of a file: keys, types, YAML syntax. Positions refer to <see cref="SamplePolicy"/>'s lines.</summary>
public class StructureErrorTests
{
    private const string SourceBlock = """
        source:
          kind: oracle
          connection: ${VACOLS_CONNECTION}
          schema: VACOLS
          tables: ["*"]
        """;

    private const string RetentionBlock = """
        retention:
          hourly: 3d
          daily: 14d
          weekly: 60d
          monthly: 180d
        """;

    [Fact]
    public void An_unknown_key_names_the_nearest_valid_key()
    {
        SamplePolicy.Errors(SamplePolicy.With("retention:", "retension:")).ShouldBe(
        [
            "1:1: missing required key 'retention'",
            "10:1: unknown key 'retension' (did you mean 'retention'?)",
        ]);
    }

    [Fact]
    public void An_unknown_key_in_a_section_names_the_section()
    {
        SamplePolicy.Error(SamplePolicy.With("  schema: VACOLS", "  shema: VACOLS"))
            .ShouldBe("5:3: unknown key 'shema' in source (did you mean 'schema'?)");
    }

    [Fact]
    public void A_differently_spelt_key_is_matched_ignoring_case_and_separators()
    {
        SamplePolicy.Error(SamplePolicy.With("  max-expire-per-run: 50", "  max_expire_per_run: 50"))
            .ShouldBe("19:3: unknown key 'max_expire_per_run' in guards (did you mean 'max-expire-per-run'?)");
    }

    [Fact]
    public void An_unknown_key_with_no_near_match_gets_no_suggestion()
    {
        SamplePolicy.Error(SamplePolicy.Text + "owner: operations\n").ShouldBe("20:1: unknown key 'owner'");
    }

    [Fact]
    public void A_missing_required_key_is_reported_at_the_mapping_it_belongs_to()
    {
        SamplePolicy.Error(SamplePolicy.With("store: s3://vacols-backups/vacols\n", ""))
            .ShouldBe("1:1: missing required key 'store'");
    }

    [Fact]
    public void A_missing_required_key_in_a_section_is_reported_at_the_section()
    {
        SamplePolicy.Error(SamplePolicy.With("  connection: ${VACOLS_CONNECTION}\n", ""))
            .ShouldBe("3:3: missing required key 'connection' in source");
    }

    [Fact]
    public void Every_missing_required_key_is_reported()
    {
        SamplePolicy.Errors("timezone: UTC\n").ShouldBe(
        [
            "1:1: missing required key 'name'",
            "1:1: missing required key 'source'",
            "1:1: missing required key 'store'",
            "1:1: missing required key 'schedule'",
            "1:1: missing required key 'retention'",
        ]);
    }

    [Fact]
    public void A_required_key_without_a_value_is_reported_at_the_key()
    {
        SamplePolicy.Error(SamplePolicy.With("store: s3://vacols-backups/vacols", "store:"))
            .ShouldBe("7:1: 'store' has no value");
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_the_second_one()
    {
        SamplePolicy.Error(SamplePolicy.With("timezone: UTC", "timezone: UTC\ntimezone: Europe/London"))
            .ShouldBe("10:1: duplicate key 'timezone' (first defined at line 9)");
    }

    [Fact]
    public void A_duplicate_tier_is_reported_at_the_second_one()
    {
        SamplePolicy.Error(SamplePolicy.With("  daily: 14d", "  daily: 14d\n  daily: 7d"))
            .ShouldBe("13:3: duplicate key 'daily' (first defined at line 12)");
    }

    [Fact]
    public void A_list_where_a_mapping_belongs_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With(SourceBlock, "source: [oracle, VACOLS]"))
            .ShouldBe("2:9: 'source' must be a mapping (kind, connection, schema, tables, exclude), found a list");
    }

    [Fact]
    public void A_text_value_where_a_mapping_belongs_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With(RetentionBlock, "retention: 3d"))
            .ShouldBe("10:12: 'retention' must be a mapping (tiers such as hourly: 3d, daily: 14d), found a text value");
    }

    [Fact]
    public void A_mapping_where_text_belongs_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With("name: vacols", "name: { id: vacols }"))
            .ShouldBe("1:7: 'name' must be a text value, found a mapping");
    }

    [Fact]
    public void A_key_that_is_not_text_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.Text + "? [a, b]\n: c\n").ShouldBe("20:3: a key must be plain text, found a list");
    }

    [Fact]
    public void Invalid_yaml_is_one_error_at_its_position()
    {
        SamplePolicy.Error(SamplePolicy.With("  schema: VACOLS", " schema: VACOLS"))
            .ShouldBe("5:2: invalid YAML: while parsing a block mapping, did not find expected key");
    }

    [Fact]
    public void An_unclosed_flow_mapping_is_reported_where_it_opens()
    {
        SamplePolicy.Error(SamplePolicy.With(RetentionBlock, "retention: { hourly: 3d, daily: 14d"))
            .ShouldBe("10:12: invalid YAML: the file ends inside this '{' (is a closing '}' missing?)");
    }

    [Fact]
    public void An_alias_without_an_anchor_is_invalid_yaml()
    {
        SamplePolicy.Error(SamplePolicy.With("  after: 14d", "  after: *two-weeks"))
            .ShouldBe("16:10: invalid YAML: unknown alias '*two-weeks' (no '&two-weeks' anchor before it)");
    }

    [Fact]
    public void Absurdly_deep_nesting_is_refused_instead_of_overflowing_the_stack()
    {
        var text = "name: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        SamplePolicy.Error(text).ShouldBe("1:70: invalid YAML: nesting deeper than 64 levels");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing but a comment\n")]
    [InlineData("---\n")]
    public void An_empty_file_is_an_error(string text)
    {
        SamplePolicy.Error(text).ShouldBe("1:1: empty policy file (expected name, source, store, schedule and retention)");
    }

    [Fact]
    public void A_file_that_is_a_list_is_an_error()
    {
        SamplePolicy.Error("- name: vacols\n")
            .ShouldBe("1:1: a policy file must be a mapping of keys (name, source, store, schedule, retention, ...), found a list");
    }

    [Fact]
    public void A_second_yaml_document_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.Text + "---\nname: other\n")
            .ShouldBe("20:1: a policy file holds one YAML document; put each policy in its own file");
    }
}

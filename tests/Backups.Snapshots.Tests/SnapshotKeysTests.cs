namespace Backups.Snapshots.Tests;

public sealed class SnapshotKeysTests
{
    [Theory]
    [InlineData("vacols", "BRIEFF", "vacols.BRIEFF")]
    [InlineData(null, "brieff", "brieff")]
    [InlineData("public", "order_lines-2024", "public.order_lines-2024")]
    [InlineData("a.b", "c", "a%2Eb.c")]
    [InlineData("a", "b.c", "a.b%2Ec")]
    [InlineData("s", "x/y\\z", "s.x%2Fy%5Cz")]
    [InlineData("s", "100%", "s.100%25")]
    [InlineData("s", "SYS$LOB#1", "s.SYS%24LOB%231")]
    [InlineData("s", "über", "s.%C3%BCber")]
    [InlineData("s", "😀", "s.%F0%9F%98%80")]
    public void Table_directories_keep_plain_names_and_escape_everything_else(string? schema, string name, string expected) =>
        SnapshotKeys.TableDirectory(schema, name).ShouldBe(expected);

    [Fact]
    public void Very_long_names_are_cut_at_an_escape_boundary_and_made_unique_with_a_hash()
    {
        var a = SnapshotKeys.TableDirectory("schema", new string('ü', 150) + "a");
        var b = SnapshotKeys.TableDirectory("schema", new string('ü', 150) + "b");

        a.Length.ShouldBeLessThanOrEqualTo(200);
        a.ShouldNotBe(b);
        a.ShouldMatch("^schema\\.(%C3%BC)+~[0-9a-f]{16}$");
    }

    [Fact]
    public void Part_keys_follow_the_documented_layout()
    {
        SnapshotKeys.Part("20240501T120000Z-0a1b2c3d", "vacols.BRIEFF", 12).ShouldBe("snapshots/20240501T120000Z-0a1b2c3d/tables/vacols.BRIEFF/part-00012.parquet");
        SnapshotKeys.Manifest("20240501T120000Z-0a1b2c3d").ShouldBe("snapshots/20240501T120000Z-0a1b2c3d/manifest.json");
        SnapshotKeys.ManifestChecksum("20240501T120000Z-0a1b2c3d").ShouldBe("snapshots/20240501T120000Z-0a1b2c3d/manifest.json.sha256");
    }
}

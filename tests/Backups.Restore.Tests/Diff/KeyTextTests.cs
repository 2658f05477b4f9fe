using Backups.Domain.Schema;
using Backups.Operations.Diff;

namespace Backups.Restore.Tests.Diff;

public sealed class KeyTextTests
{
    [Theory]
    [InlineData("12.50", "125e-1")]
    [InlineData("12.5", "125e-1")]
    [InlineData("1.25e1", "125e-1")]
    [InlineData("-0.000", "0")]
    [InlineData("0", "0")]
    [InlineData("1200", "12e2")]
    [InlineData("-.5", "-5e-1")]
    [InlineData("NaN", "NaN")]
    public void Exact_numerics_are_one_key_whatever_their_scale(string text, string expected) =>
        KeyText.NormalDecimal(text).ShouldBe(expected);

    [Fact]
    public void A_decimal_key_from_DuckDB_matches_the_same_key_as_snapshot_text()
    {
        KeyText.Of(ColumnKind.Decimal, 12.50m).ShouldBe(KeyText.Of(ColumnKind.Decimal, "12.5"));
        KeyText.Of(ColumnKind.Decimal, 3L).ShouldBe(KeyText.Of(ColumnKind.Decimal, "3.00"));
    }

    [Fact]
    public void Integer_keys_of_any_width_match()
    {
        KeyText.Of(ColumnKind.Int64, 42L).ShouldBe(KeyText.Of(ColumnKind.Int64, 42));
        KeyText.Of(ColumnKind.Int16, (short)7).ShouldBe("7");
    }

    [Fact]
    public void Binary_keys_match_whether_bytes_or_a_stream()
    {
        using var stream = new MemoryStream([1, 2, 255]);
        KeyText.Of(ColumnKind.Binary, stream).ShouldBe(KeyText.Of(ColumnKind.Binary, new byte[] { 1, 2, 255 }));
    }

    [Fact]
    public void Composite_keys_keep_their_parts_apart()
    {
        var kinds = new[] { ColumnKind.Text, ColumnKind.Text };
        KeyText.Compose(["a", "bc"], [0, 1], kinds).ShouldNotBe(KeyText.Compose(["ab", "c"], [0, 1], kinds));
        KeyText.Compose([null, "x"], [0, 1], kinds).ShouldNotBe(KeyText.Compose(["", "x"], [0, 1], kinds));
    }
}

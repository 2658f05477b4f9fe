using Backups.Snapshots.Columnar;
using Backups.Snapshots.Tests.Support;
using CsCheck;

namespace Backups.Snapshots.Tests.Columnar;

public sealed class RleHybridTests
{
    /// <summary>Values with runs of every length mixed with noise, for bit widths 1 to 24.</summary>
    private static readonly Gen<(int BitWidth, int[] Values)> Sequences =
        Gen.Int[1, 24].SelectMany(width =>
            Gen.Select(Gen.Int[0, (1 << width) - 1], Gen.Int[1, 40]).Array[0, 60]
                .Select(runs => (width, runs.SelectMany(r => Enumerable.Repeat(r.Item1, r.Item2)).ToArray())));

    [Fact]
    public void Decoding_what_was_encoded_gives_back_every_value()
    {
        Sequences.Sample(sample =>
        {
            using var output = new ByteBuffer(16);
            RleHybrid.Encode<int>(sample.Values, sample.BitWidth, output);
            RleHybridDecoder.Decode(output.Written, sample.BitWidth, sample.Values.Length).ShouldBe(sample.Values);
        }, iter: 2000);
    }

    [Fact]
    public void A_long_run_becomes_one_short_rle_run()
    {
        using var output = new ByteBuffer(16);

        RleHybrid.Encode<byte>(Enumerable.Repeat((byte)1, 100_000).ToArray(), 1, output);

        output.Written.ToArray().ShouldBe(new byte[] { 0xC0, 0x9A, 0x0C, 0x01 }); // varint(100000 << 1), then the value
    }

    [Fact]
    public void Definition_levels_with_scattered_nulls_round_trip()
    {
        var levels = Enumerable.Range(0, 10_001).Select(i => (byte)(i % 7 == 0 || i % 13 == 0 ? 0 : 1)).ToArray();
        using var output = new ByteBuffer(16);

        RleHybrid.Encode<byte>(levels, 1, output);

        RleHybridDecoder.Decode(output.Written, 1, levels.Length).ShouldBe(levels.Select(l => (int)l));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(255, 8)]
    [InlineData(256, 9)]
    public void The_bit_width_holds_the_largest_value(int max, int width) => RleHybrid.BitWidth(max).ShouldBe(width);
}

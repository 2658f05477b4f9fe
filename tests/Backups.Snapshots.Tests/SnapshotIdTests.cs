using NodaTime;
using NodaTime.Testing;

namespace Backups.Snapshots.Tests;

public sealed class SnapshotIdTests
{
    [Fact]
    public void An_id_is_the_utc_start_to_the_second_and_eight_random_hex_digits()
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 5, 1, 12, 34, 56).PlusNanoseconds(789_000_000));

        var id = SnapshotId.New(clock, new Random(42));

        id.ShouldMatch("^20240501T123456Z-[0-9a-f]{8}$");
        SnapshotId.IsValid(id).ShouldBeTrue();
        SnapshotId.TryGetStart(id, out var start).ShouldBeTrue();
        start.ShouldBe(Instant.FromUtc(2024, 5, 1, 12, 34, 56));
    }

    [Fact]
    public void Ids_sort_ordinally_in_start_order_and_differ_within_one_second()
    {
        var random = new Random(7);
        var instants = Enumerable.Range(0, 50).Select(i => Instant.FromUtc(1999, 12, 31, 23, 59, 0).Plus(Duration.FromSeconds(i * 37L * 3600))).ToList();

        var ids = instants.Select(i => SnapshotId.New(i, random)).ToList();
        var sameSecond = Enumerable.Range(0, 100).Select(_ => SnapshotId.New(instants[0], random)).ToList();

        ids.Order(StringComparer.Ordinal).ShouldBe(ids);
        sameSecond.Distinct().Count().ShouldBe(100);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20240501T123456Z")]
    [InlineData("20240501T123456Z-0A1B2C3D")]
    [InlineData("20241301T123456Z-0a1b2c3d")]
    [InlineData("20240501T123456Z_0a1b2c3d")]
    [InlineData("../../../etc/pwd-0a1b2c3d")]
    public void Malformed_ids_are_not_valid(string id) => SnapshotId.IsValid(id).ShouldBeFalse();
}

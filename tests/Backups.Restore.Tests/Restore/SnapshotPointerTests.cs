using Backups.Operations;
using Backups.Operations.Restore;
using NodaTime;

namespace Backups.Restore.Tests.Restore;

public sealed class SnapshotPointerTests
{
    [Theory]
    [InlineData("2026-11-25T09:30:00Z", 9, 30, 0)]
    [InlineData("2026-11-25T10:30:00+01:00", 9, 30, 0)]
    [InlineData("2026-11-25T09:30Z", 9, 30, 0)]
    [InlineData("2026-11-25 04:30:15.5-05:00", 9, 30, 15)]
    public void An_instant_with_a_zone_is_read_as_that_instant(string text, int hour, int minute, int second)
    {
        var at = SnapshotPointer.Parse(text, null).At!.Value;
        at.InUtc().Hour.ShouldBe(hour);
        at.InUtc().Minute.ShouldBe(minute);
        at.InUtc().Second.ShouldBe(second);
        at.InUtc().Date.ShouldBe(new LocalDate(2026, 11, 25));
    }

    [Fact]
    public void A_local_time_without_a_zone_is_refused_saying_to_add_one()
    {
        var error = Should.Throw<OperationInputException>(() => SnapshotPointer.Parse("2026-11-25T09:30:00", null));
        error.Message.ShouldContain("--at");
        error.Message.ShouldContain("add Z");
    }

    [Fact]
    public void Both_or_neither_of_at_and_snapshot_are_refused()
    {
        Should.Throw<OperationInputException>(() => SnapshotPointer.Parse(null, null)).Message.ShouldContain("exactly one of --at");
        Should.Throw<OperationInputException>(() => SnapshotPointer.Parse("2026-11-25T09:30:00Z", "20261125T040000Z-1a2b3c4d"));
    }

    [Fact]
    public void A_malformed_id_is_refused_showing_the_expected_form()
    {
        Should.Throw<OperationInputException>(() => SnapshotPointer.Parse(null, "yesterday")).Message.ShouldContain("20261125T040000Z-1a2b3c4d");
    }
}

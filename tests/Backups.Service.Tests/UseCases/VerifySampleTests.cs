using Backups.Service.UseCases;

namespace Backups.Service.Tests.UseCases;

public sealed class VerifySampleTests
{
    private static readonly string[] Ids = [.. Enumerable.Range(0, 20).Select(i => $"id-{i:00}")];

    [Fact]
    public void The_newest_comes_first_then_distinct_random_others()
    {
        var sample = VerifySample.Choose(Ids, 3, new Random(7));

        sample.Count.ShouldBe(4);
        sample[0].ShouldBe("id-19");
        sample.Distinct().Count().ShouldBe(4);
        sample.Skip(1).ShouldAllBe(id => Ids.Contains(id) && id != "id-19");
    }

    [Fact]
    public void Over_many_weeks_every_snapshot_gets_verified_sometime()
    {
        var random = new Random(11);
        var seen = new HashSet<string>();
        for (var week = 0; week < 60; week++)
        {
            seen.UnionWith(VerifySample.Choose(Ids, 2, random));
        }

        seen.ShouldBe(Ids, ignoreOrder: true);
    }

    [Fact]
    public void Fewer_snapshots_than_asked_for_are_all_verified_and_none_is_nothing()
    {
        VerifySample.Choose(["a", "b"], 5, new Random(1)).ShouldBe(["b", "a"]);
        VerifySample.Choose([], 5, new Random(1)).ShouldBeEmpty();
    }
}

using Backups.Policies.Validation;

namespace Backups.Policies.Tests.Validation;

public class SuggestionsTests
{
    [Theory]
    [InlineData("retension", "retention")]
    [InlineData("shedule", "schedule")]
    [InlineData("time_zone", "timezone")]
    [InlineData("TimeZone", "timezone")]
    [InlineData("parralelism", "parallelism")]
    [InlineData("stroe", "store")]
    public void A_near_miss_finds_the_intended_key(string typed, string intended)
    {
        Suggestions.Nearest(typed, PolicyKeys.Top).ShouldBe(intended);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("x")]
    [InlineData("")]
    public void A_word_far_from_every_key_finds_nothing(string typed)
    {
        Suggestions.Nearest(typed, PolicyKeys.Top).ShouldBeNull();
    }

    [Fact]
    public void Swapping_two_neighbouring_letters_counts_as_one_edit()
    {
        Suggestions.Distance("daily", "dialy").ShouldBe(1);
        Suggestions.Distance("daily", "daily").ShouldBe(0);
        Suggestions.Distance("daily", "weekly").ShouldBe(4);
    }
}

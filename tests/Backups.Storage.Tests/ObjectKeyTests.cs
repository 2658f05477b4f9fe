namespace Backups.Storage.Tests;

public sealed class ObjectKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("snapshots/2024-01-01T00:00Z/manifest.json")]
    [InlineData("a.b/c..d/.hidden")]
    public void Ordinary_keys_are_accepted(string key) => ObjectKey.Validate(key).ShouldBe(key);

    [Theory]
    [InlineData("")]
    [InlineData("/a")]
    [InlineData("a\\b")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("..")]
    [InlineData("a/./b")]
    [InlineData("a\0b")]
    public void Malformed_keys_are_refused(string key) =>
        Should.Throw<ArgumentException>(() => ObjectKey.Validate(key)).Message.ShouldContain("invalid object key");

    [Theory]
    [InlineData("")]
    [InlineData("snap/")]
    [InlineData("snap/2024-")]
    [InlineData("snap/.")]
    public void List_prefixes_may_end_in_a_partial_or_empty_segment(string prefix) => ObjectKey.ValidatePrefix(prefix).ShouldBe(prefix);

    [Theory]
    [InlineData("../")]
    [InlineData("a/../b")]
    [InlineData("/a")]
    [InlineData("a//")]
    public void List_prefixes_that_climb_or_are_absolute_are_refused(string prefix) =>
        Should.Throw<ArgumentException>(() => ObjectKey.ValidatePrefix(prefix));
}

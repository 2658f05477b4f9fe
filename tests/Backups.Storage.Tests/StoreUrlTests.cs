namespace Backups.Storage.Tests;

public sealed class StoreUrlTests
{
    [Theory]
    [InlineData("s3://backups", "backups", "", "s3://backups")]
    [InlineData("s3://backups/", "backups", "", "s3://backups")]
    [InlineData("s3://backups/vacols", "backups", "vacols/", "s3://backups/vacols")]
    [InlineData("s3://my.bucket-1/a/b/", "my.bucket-1", "a/b/", "s3://my.bucket-1/a/b")]
    public void An_s3_url_gives_bucket_and_a_prefix_ending_in_a_slash(string text, string bucket, string prefix, string canonical)
    {
        var url = StoreUrl.Parse(text);

        url.Kind.ShouldBe(StoreKind.S3);
        url.Bucket.ShouldBe(bucket);
        url.KeyPrefix.ShouldBe(prefix);
        url.ToString().ShouldBe(canonical);
        StoreUrl.Parse(url.ToString()).ShouldBe(url);
    }

    [Theory]
    [InlineData("file:///var/lib/backups", "/var/lib/backups")]
    [InlineData("file:///var/lib/backups/", "/var/lib/backups")]
    [InlineData("file://localhost/srv/b", "/srv/b")]
    [InlineData("file:///srv/with%20space", "/srv/with space")]
    [InlineData("/var/lib/backups", "/var/lib/backups")]
    [InlineData("/var/lib/../lib/backups", "/var/lib/backups")]
    public void A_file_url_or_absolute_path_gives_a_directory(string text, string directory)
    {
        var url = StoreUrl.Parse(text);

        url.Kind.ShouldBe(StoreKind.Directory);
        url.DirectoryPath.ShouldBe(directory);
        StoreUrl.Parse(url.ToString()).ShouldBe(url);
    }

    [Fact]
    public void A_relative_path_is_resolved_against_the_base_directory()
    {
        StoreUrl.Parse("backups/here", baseDirectory: "/srv").DirectoryPath.ShouldBe("/srv/backups/here");
        StoreUrl.Parse("./x", baseDirectory: "/srv").ToString().ShouldBe("file:///srv/x");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("http://example.com/x", "unsupported store URL")]
    [InlineData("gs://bucket/x", "unsupported store URL")]
    [InlineData("s3://", "bucket name is missing")]
    [InlineData("s3://Upper/x", "not a valid bucket name")]
    [InlineData("s3://ab", "not a valid bucket name")]
    [InlineData("s3://bucket//x", "key prefix")]
    [InlineData("s3://bucket/a/../b", "key prefix")]
    [InlineData("s3://bucket/x?versionId=1", "query strings")]
    [InlineData("s3://key:secret@bucket/x", "credentials")]
    [InlineData("file://server/share", "only local paths")]
    [InlineData("file:relative", "file URL")]
    public void Anything_else_is_refused_with_the_reason(string text, string reason)
    {
        StoreUrl.TryParse(text, out var url, out var error).ShouldBeFalse();

        url.ShouldBeNull();
        error.ShouldContain(reason);
        Should.Throw<FormatException>(() => StoreUrl.Parse(text)).Message.ShouldContain(reason);
    }
}

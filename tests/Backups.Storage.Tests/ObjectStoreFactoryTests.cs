using Backups.Storage.Files;
using Backups.Storage.S3;
using Backups.Storage.Tests.Support;

namespace Backups.Storage.Tests;

public sealed class ObjectStoreFactoryTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public async Task A_directory_path_opens_a_working_file_store()
    {
        using var directory = new TempDirectory();

        var store = ObjectStoreFactory.Open(directory.Path);
        await store.PutTextAsync("k", "v");

        store.ShouldBeOfType<FileObjectStore>().RootDirectory.ShouldBe(directory.Path);
        File.Exists(Path.Combine(directory.Path, "k")).ShouldBeTrue();
        ObjectStoreFactory.Open(new Uri(directory.Path).AbsoluteUri).Url.ShouldBe(store.Url);
    }

    [Fact]
    public void An_s3_url_opens_an_s3_store_with_the_endpoint_and_region_of_the_environment()
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_S3"] = "http://127.0.0.1:1", ["AWS_REGION"] = "eu-west-1" };

        using var store = (S3ObjectStore)ObjectStoreFactory.Open("s3://bucket/prefix", environment: environment.GetValueOrDefault);

        store.Url.ShouldBe("s3://bucket/prefix");
        store.Options.ServiceUrl.ShouldBe("http://127.0.0.1:1");
        store.Options.Region.ShouldBe("eu-west-1");
        store.Prefix.ShouldBe("prefix/");
    }

    [Fact]
    public void An_s3_url_without_any_endpoint_setting_talks_to_aws()
    {
        using var store = (S3ObjectStore)ObjectStoreFactory.Open("s3://bucket", environment: NoEnvironment);

        store.Options.ServiceUrl.ShouldBeNull();
        store.Options.Region.ShouldBe("us-east-1");
        store.Options.EndpointForMessages.ShouldBe("https://s3.us-east-1.amazonaws.com");
    }

    [Fact]
    public void Invalid_s3_options_are_all_reported_at_once()
    {
        var options = new S3StoreOptions { PartSize = 1024, MaxConcurrentParts = 0, ServerSideEncryption = "none" };

        var error = Should.Throw<ArgumentException>(() => ObjectStoreFactory.Open("s3://bucket", options, environment: NoEnvironment));

        error.Message.ShouldContain("PartSize");
        error.Message.ShouldContain("MaxConcurrentParts");
        error.Message.ShouldContain("ServerSideEncryption");
    }

    [Fact]
    public void An_unsupported_url_is_refused_with_what_is_expected()
    {
        Should.Throw<FormatException>(() => ObjectStoreFactory.Open("ftp://host/x")).Message.ShouldContain("expected s3://bucket");
    }

    [Fact]
    public void A_file_store_has_no_archive_ability_and_an_s3_store_has()
    {
        using var directory = new TempDirectory();
        using var s3 = (S3ObjectStore)ObjectStoreFactory.Open("s3://bucket", environment: NoEnvironment);

        ObjectStoreFactory.Open(directory.Path).AsArchiveStore().ShouldBeNull();
        s3.AsArchiveStore().ShouldBeSameAs(s3);
    }
}

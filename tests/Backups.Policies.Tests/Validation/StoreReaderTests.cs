using Backups.Domain.Policies;
using Backups.Policies.Tests.Support;

namespace Backups.Policies.Tests.Validation;

/// <summary>
/// The two forms of <c>store</c>: a location, or a mapping with the location as <c>url</c> and the S3 settings
/// (endpoint, region, encryption, kms-key-id); each problem reported at its line and column.
/// </summary>
public sealed class StoreReaderTests
{
    private const string PlainStore = "store: s3://vacols-backups/vacols";

    // Lines 7-12 of the sample once the plain store is replaced.
    private const string MappingStore = """
        store:
          url: s3://vacols-backups/vacols
          endpoint: http://127.0.0.1:7480
          region: eu-west-1
          encryption: aws:kms
          kms-key-id: testkey-1
        """;

    [Fact]
    public void The_mapping_form_gives_the_location_and_every_S3_setting()
    {
        var result = SamplePolicy.Load(SamplePolicy.With(PlainStore, MappingStore));

        result.Errors.ShouldBeEmpty();
        result.Policy!.StoreUrl.ShouldBe("s3://vacols-backups/vacols");
        result.Policy.StoreS3.ShouldBe(new S3Spec("http://127.0.0.1:7480", "eu-west-1", S3Spec.AwsKms, "testkey-1"));
        result.Policy.Cold.ShouldNotBeNull("cold still sees an s3:// store");
    }

    [Fact]
    public void The_plain_form_and_a_mapping_with_only_a_url_have_no_S3_settings()
    {
        SamplePolicy.Load(SamplePolicy.Text).Policy!.StoreS3.ShouldBeNull();
        var onlyUrl = SamplePolicy.Load(SamplePolicy.With(PlainStore, "store: { url: s3://vacols-backups/vacols }")).Policy!;
        onlyUrl.StoreUrl.ShouldBe("s3://vacols-backups/vacols");
        onlyUrl.StoreS3.ShouldBeNull();
    }

    [Fact]
    public void Encryption_is_case_insensitive_and_spelt_as_S3_spells_it()
    {
        var policy = SamplePolicy.Load(SamplePolicy.With(PlainStore, "store: { url: s3://vacols-backups/vacols, encryption: aes256 }")).Policy!;
        policy.StoreS3.ShouldBe(new S3Spec(Encryption: S3Spec.Aes256));
    }

    [Fact]
    public void The_url_may_refer_to_the_environment_and_is_checked_once_resolved()
    {
        var text = SamplePolicy.With(PlainStore, "store:\n  url: s3://${BUCKET}/vacols\n  region: eu-west-1");
        SamplePolicy.Load(text).Errors.ShouldBeEmpty("validation keeps the reference");
        SamplePolicy.Load(text, new Dictionary<string, string?> { ["BUCKET"] = "vacols-backups", ["VACOLS_CONNECTION"] = "x" })
            .Policy!.StoreUrl.ShouldBe("s3://vacols-backups/vacols");
        SamplePolicy.Error(text, new Dictionary<string, string?> { ["BUCKET"] = "Bad_Bucket", ["VACOLS_CONNECTION"] = "x" })
            .ShouldBe("8:8: bad S3 bucket name 'Bad_Bucket': use only lowercase letters, digits, '.' and '-'");
    }

    [Theory]
    [InlineData("  endpoint: http://127.0.0.1:7480", "  endpoint: ftp://127.0.0.1:7480",
        "9:13: 'store.endpoint' must be an http:// or https:// URL such as https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:7480, found 'ftp://127.0.0.1:7480'")]
    [InlineData("  endpoint: http://127.0.0.1:7480", "  endpoint: http://key:secret@127.0.0.1:7480",
        "9:13: 'store.endpoint' must be a plain URL: no credentials, query or fragment (credentials come from the AWS chain)")]
    [InlineData("  endpoint: http://127.0.0.1:7480", "  endpoint: ${S3_ENDPOINT}",
        "9:13: 'store.endpoint' cannot use environment references; they are allowed only in source.connection, spare.connection and store")]
    [InlineData("  endpoint: http://127.0.0.1:7480", "  endpont: http://127.0.0.1:7480",
        "9:3: unknown key 'endpont' in store (did you mean 'endpoint'?)")]
    [InlineData("  region: eu-west-1", "  region: EU_West",
        "10:11: 'store.region' must be a region name such as us-east-1 or eu-west-1 (lowercase letters, digits and '-'), found 'EU_West'")]
    [InlineData("  encryption: aws:kms", "  encryption: aws:kmss",
        "11:15: unknown store.encryption 'aws:kmss' (did you mean 'aws:kms'?) (expected AES256 for SSE-S3 or aws:kms for SSE-KMS)")]
    [InlineData("  encryption: aws:kms", "  encryption: AES256",
        "12:3: 'store.kms-key-id' needs 'store.encryption: aws:kms' (the encryption is AES256)")]
    [InlineData("  encryption: aws:kms\n", "",
        "11:3: 'store.kms-key-id' needs 'store.encryption: aws:kms' (the encryption is AES256, the default)")]
    [InlineData("  url: s3://vacols-backups/vacols\n", "",
        "8:3: missing required key 'url' in store")]
    [InlineData("  url: s3://vacols-backups/vacols", "  url: [s3://vacols-backups/vacols]",
        "8:8: 'store.url' must be a location such as s3://bucket/prefix, found a list")]
    public void A_bad_S3_setting_is_an_error_at_its_position(string find, string replacement, string message)
    {
        var text = SamplePolicy.With(PlainStore, MappingStore);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        SamplePolicy.Error(string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length))).ShouldBe(message);
    }

    [Fact]
    public void S3_settings_with_a_directory_store_are_errors_at_each_setting()
    {
        var text = SamplePolicy.With(PlainStore, "store:\n  url: /var/lib/backups/vacols\n  region: eu-west-1\n  encryption: aws:kms")
            .Replace("cold:\n  after: 14d\n  class: auto\n", "", StringComparison.Ordinal);
        SamplePolicy.Errors(text).ShouldBe([
            "9:3: 'store.region' applies to s3:// stores only, but the store is '/var/lib/backups/vacols'; remove it",
            "10:3: 'store.encryption' applies to s3:// stores only, but the store is '/var/lib/backups/vacols'; remove it",
        ]);
    }

    [Fact]
    public void Cold_storage_still_needs_an_s3_url_in_the_mapping_form()
    {
        SamplePolicy.Error(SamplePolicy.With(PlainStore, "store: { url: /var/lib/backups/vacols }"))
            .ShouldBe("15:1: 'cold' needs an s3:// store (cold classes are S3 storage classes), but the store is '/var/lib/backups/vacols'; remove 'cold' for this store");
    }

    [Fact]
    public void A_store_that_is_neither_a_location_nor_a_mapping_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With(PlainStore, "store: [s3://vacols-backups/vacols]"))
            .ShouldBe("7:8: 'store' must be a location such as s3://bucket/prefix, or a mapping (url, endpoint, region, encryption, kms-key-id), found a list");
    }
}

using Backups.Storage.S3;

namespace Backups.Storage.Tests.S3;

public sealed class S3StoreOptionsTests
{
    [Fact]
    public void The_s3_specific_endpoint_variable_wins_over_the_general_one()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_S3"] = "http://s3-specific:7480",
            ["AWS_ENDPOINT_URL"] = "http://general:7480",
        };

        new S3StoreOptions().WithEnvironmentDefaults(environment.GetValueOrDefault).ServiceUrl.ShouldBe("http://s3-specific:7480");
        new S3StoreOptions().WithEnvironmentDefaults(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://general:7480" }.GetValueOrDefault)
            .ServiceUrl.ShouldBe("http://general:7480");
    }

    [Fact]
    public void Explicit_settings_win_over_the_environment()
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_S3"] = "http://env:1", ["AWS_REGION"] = "eu-west-1" };

        var options = new S3StoreOptions { ServiceUrl = "http://explicit:2", Region = "us-west-2" }.WithEnvironmentDefaults(environment.GetValueOrDefault);

        options.ServiceUrl.ShouldBe("http://explicit:2");
        options.Region.ShouldBe("us-west-2");
    }

    [Fact]
    public void The_region_defaults_to_us_east_1()
    {
        new S3StoreOptions().WithEnvironmentDefaults(_ => null).Region.ShouldBe("us-east-1");
        new S3StoreOptions().WithEnvironmentDefaults(_ => "  ").Region.ShouldBe("us-east-1");
    }

    [Fact]
    public void The_defaults_are_valid_and_ask_for_aes256_standard_16_mib_parts_4_at_a_time()
    {
        var options = new S3StoreOptions();

        options.Validate().ShouldBeEmpty();
        options.ServerSideEncryption.ShouldBe("AES256");
        options.StorageClass.ShouldBe("STANDARD");
        options.PartSize.ShouldBe(16 * 1024 * 1024);
        options.MaxConcurrentParts.ShouldBe(4);
    }

    [Fact]
    public void Every_problem_is_reported()
    {
        var options = new S3StoreOptions
        {
            ServiceUrl = "not a url",
            StorageClass = " ",
            ServerSideEncryption = "AES256",
            KmsKeyId = "key",
            PartSize = S3StoreOptions.MinimumPartSize - 1,
            MaxConcurrentParts = 65,
        };

        options.Validate().Count.ShouldBe(5);
    }

    [Fact]
    public void A_custom_endpoint_uses_path_style_unless_told_otherwise()
    {
        using var custom = S3ClientFactory.Create(new S3StoreOptions { ServiceUrl = "http://127.0.0.1:7480" }, null);
        using var virtualHosted = S3ClientFactory.Create(new S3StoreOptions { ServiceUrl = "http://127.0.0.1:7480", ForcePathStyle = false }, null);

        var config = (Amazon.S3.AmazonS3Config)custom.Config;
        config.ForcePathStyle.ShouldBeTrue();
        config.RequestChecksumCalculation.ShouldBe(Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED);
        config.ResponseChecksumValidation.ShouldBe(Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED);
        ((Amazon.S3.AmazonS3Config)virtualHosted.Config).ForcePathStyle.ShouldBeFalse();
    }
}

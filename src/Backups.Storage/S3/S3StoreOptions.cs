namespace Backups.Storage.S3;

/// <summary>
/// Settings of an S3 store. Unset endpoint and region come from the environment
/// (<see cref="WithEnvironmentDefaults"/>): AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL; AWS_REGION, else us-east-1.
/// </summary>
public sealed record S3StoreOptions
{
    public const string DefaultRegion = "us-east-1";
    public const string Aes256 = "AES256";
    public const string AwsKms = "aws:kms";
    public const int MinimumPartSize = 5 * 1024 * 1024;
    public const int DefaultPartSize = 16 * 1024 * 1024;

    /// <summary>Endpoint of an S3-compatible server (e.g. http://127.0.0.1:7480); null means AWS itself.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>Path-style addressing (http://host/bucket/key). Null: on for a custom endpoint, off for AWS.</summary>
    public bool? ForcePathStyle { get; init; }

    /// <summary>Signing region; null means AWS_REGION or <see cref="DefaultRegion"/>.</summary>
    public string? Region { get; init; }

    /// <summary>Storage class of new objects.</summary>
    public string StorageClass { get; init; } = StorageClasses.Standard;

    /// <summary>Server-side encryption asked for on every new object: <see cref="Aes256"/> or <see cref="AwsKms"/>.</summary>
    public string ServerSideEncryption { get; init; } = Aes256;

    /// <summary>KMS key id for <see cref="AwsKms"/>; null means the account's default S3 key.</summary>
    public string? KmsKeyId { get; init; }

    /// <summary>Size of one multipart part and of the in-memory buffer that holds it.</summary>
    public int PartSize { get; init; } = DefaultPartSize;

    /// <summary>Parts uploaded at once; memory use is at most (MaxConcurrentParts + 1) x PartSize per put.</summary>
    public int MaxConcurrentParts { get; init; } = 4;

    /// <summary>True when talking to an S3-compatible server rather than AWS.</summary>
    public bool IsCustomEndpoint => ServiceUrl is not null;

    /// <summary>The endpoint for messages: the custom one, or the AWS regional endpoint.</summary>
    public string EndpointForMessages => ServiceUrl ?? $"https://s3.{Region ?? DefaultRegion}.amazonaws.com";

    /// <summary>Fills an unset endpoint and region from environment variables read through <paramref name="getVariable"/>.</summary>
    public S3StoreOptions WithEnvironmentDefaults(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var serviceUrl = ServiceUrl
            ?? NonEmpty(getVariable("AWS_ENDPOINT_URL_S3"))
            ?? NonEmpty(getVariable("AWS_ENDPOINT_URL"));
        return this with
        {
            ServiceUrl = serviceUrl,
            Region = Region ?? NonEmpty(getVariable("AWS_REGION")) ?? DefaultRegion,
        };
    }

    /// <summary>Every problem with these options, or none.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ServiceUrl is not null
            && (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add($"ServiceUrl '{ServiceUrl}' is not an http(s) URL");
        }

        if (string.IsNullOrWhiteSpace(StorageClass))
        {
            errors.Add("StorageClass is empty");
        }

        if (ServerSideEncryption is not (Aes256 or AwsKms))
        {
            errors.Add($"ServerSideEncryption '{ServerSideEncryption}' is not '{Aes256}' or '{AwsKms}'");
        }

        if (KmsKeyId is not null && ServerSideEncryption != AwsKms)
        {
            errors.Add($"KmsKeyId is set but ServerSideEncryption is '{ServerSideEncryption}', not '{AwsKms}'");
        }

        if (PartSize < MinimumPartSize)
        {
            errors.Add($"PartSize {PartSize} is below the S3 minimum of {MinimumPartSize} bytes (5 MiB)");
        }

        if (MaxConcurrentParts is < 1 or > 64)
        {
            errors.Add($"MaxConcurrentParts {MaxConcurrentParts} is not between 1 and 64");
        }

        return errors;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

namespace Backups.Domain.Policies;

/// <summary>
/// S3 settings of a policy's store (the mapping form of <c>store</c>, docs/policy.md). Every one is optional: an unset
/// endpoint comes from <c>AWS_ENDPOINT_URL_S3</c>/<c>AWS_ENDPOINT_URL</c>, an unset region from <c>AWS_REGION</c>,
/// and new objects are encrypted with <see cref="Aes256"/> unless the policy says otherwise.
/// </summary>
/// <param name="Endpoint">An S3-compatible server's endpoint, e.g. <c>http://127.0.0.1:7480</c>; null for AWS (or the environment's).</param>
/// <param name="Region">The signing region, e.g. <c>eu-west-1</c>.</param>
/// <param name="Encryption"><see cref="Aes256"/> or <see cref="AwsKms"/>, asked for on every new object.</param>
/// <param name="KmsKeyId">The KMS key for <see cref="AwsKms"/>; null for the account's default key.</param>
public sealed record S3Spec(string? Endpoint = null, string? Region = null, string? Encryption = null, string? KmsKeyId = null)
{
    public const string Aes256 = "AES256";

    public const string AwsKms = "aws:kms";
}

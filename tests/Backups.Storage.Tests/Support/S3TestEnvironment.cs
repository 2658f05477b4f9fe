namespace Backups.Storage.Tests.Support;

/// <summary>The S3 server the integration tests use, as described by the environment (source /tmp/backups-dev/env.sh).</summary>
internal static class S3TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Endpoint =>
        NonEmpty("AWS_ENDPOINT_URL_S3") ?? NonEmpty("AWS_ENDPOINT_URL");

    public static string? KmsKeyId => NonEmpty("BACKUPS_TEST_KMS_KEY_ID");

    /// <summary>Why the S3 tests cannot run here, or null when they can.</summary>
    public static string? MissingReason
    {
        get
        {
            if (NonEmpty("BACKUPS_TEST_S3") != "1")
            {
                return "S3 server is not reachable: BACKUPS_TEST_S3 is not 1 (start radosgw with deploy/dev/up.sh and source /tmp/backups-dev/env.sh)";
            }

            if (Endpoint is null || NonEmpty("AWS_ACCESS_KEY_ID") is null || NonEmpty("AWS_SECRET_ACCESS_KEY") is null)
            {
                return "S3 server is not reachable: AWS_ENDPOINT_URL_S3, AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set (source /tmp/backups-dev/env.sh)";
            }

            return null;
        }
    }

    /// <summary>Throws (failing the test loudly) when the environment is missing.</summary>
    public static void Require()
    {
        if (MissingReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }
    }

    private static string? NonEmpty(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}

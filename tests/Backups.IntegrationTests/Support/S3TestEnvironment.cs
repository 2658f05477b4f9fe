namespace Backups.IntegrationTests.Support;

/// <summary>The S3 server the tests use, as the environment describes it (<c>source /tmp/backups-dev/env.sh</c>).</summary>
internal static class S3TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Endpoint => NonEmpty("AWS_ENDPOINT_URL_S3") ?? NonEmpty("AWS_ENDPOINT_URL");

    /// <summary>Why the S3 tests cannot run here, or null when they can.</summary>
    public static string? MissingReason =>
        NonEmpty("BACKUPS_TEST_S3") != "1"
            ? "the S3 server is not configured: BACKUPS_TEST_S3 is not 1 (run deploy/dev/up.sh and source /tmp/backups-dev/env.sh)"
            : Endpoint is null || NonEmpty("AWS_ACCESS_KEY_ID") is null || NonEmpty("AWS_SECRET_ACCESS_KEY") is null
                ? "the S3 server is not configured: AWS_ENDPOINT_URL_S3, AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set (source /tmp/backups-dev/env.sh)"
                : null;

    /// <summary>Why a test marked <see cref="S3FactAttribute"/> is skipped: never under CI=true, where it runs and fails loudly.</summary>
    public static string? SkipReason => IsCi ? null : MissingReason;

    /// <summary>Throws, failing the test, when the environment is missing.</summary>
    public static void Require()
    {
        if (MissingReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }
    }

    private static string? NonEmpty(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}

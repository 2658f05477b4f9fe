using Backups.Domain.Policies;

namespace Backups.Cli.Infrastructure;

/// <summary>
/// Which store a command works on: its URL and, when it came from a policy, the policy's S3 settings (endpoint,
/// region, encryption), so that a command opens an <c>s3://</c> store exactly as the policy's snapshots do.
/// </summary>
internal sealed record StoreChoice(string Url, S3Spec? S3 = null);

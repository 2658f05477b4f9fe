using NodaTime;

namespace Backups.Service.Health;

/// <summary>The newest complete snapshot known of a policy.</summary>
internal sealed record NewestSnapshot(string Id, Instant Completed, long Bytes, long Rows);

namespace Backups.Service.Settings;

/// <summary>
/// The <c>rpo</c> section: a policy is stale (health 503, an ERROR at every check) once its newest complete
/// snapshot is older than its schedule's interval times <see cref="StaleFactor"/>.
/// </summary>
internal sealed record RpoSettings
{
    public double StaleFactor { get; init; } = 2.0;

    public TimeSpan CheckEvery { get; init; } = TimeSpan.FromMinutes(1);
}

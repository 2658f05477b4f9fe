namespace Backups.Policies.Validation;

/// <summary>One field of a Quartz cron expression: its name, range and accepted names (months, weekdays).</summary>
internal sealed record CronField(string Name, int Min, int Max, string[]? Names);

namespace Backups.Cli.Commands;

/// <summary>One field that differs between two policies; null where the field is absent.</summary>
internal sealed record PolicyDiffChange(string Field, string? Old, string? New);

namespace Backups.Service.Settings;

/// <summary>The settings when the file is valid, else every error found in it.</summary>
internal sealed record SettingsLoadResult(ServiceSettings? Settings, IReadOnlyList<SettingsError> Errors);

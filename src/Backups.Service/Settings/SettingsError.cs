namespace Backups.Service.Settings;

/// <summary>
/// One problem with the service's configuration. Prints as <c>FILE:LINE:COL: message</c>, or <c>FILE: message</c>
/// for the file as a whole (line 0), like policy errors.
/// </summary>
internal sealed record SettingsError(string File, int Line, int Column, string Message)
{
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}

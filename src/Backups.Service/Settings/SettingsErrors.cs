using YamlDotNet.RepresentationModel;

namespace Backups.Service.Settings;

/// <summary>Collects the errors of one settings file, each at the node it is about.</summary>
internal sealed class SettingsErrors(string file)
{
    private readonly List<SettingsError> _errors = [];

    public IReadOnlyList<SettingsError> All => _errors;

    public void Add(YamlNode at, string message) =>
        _errors.Add(new SettingsError(file, (int)at.Start.Line, (int)at.Start.Column, message));
}

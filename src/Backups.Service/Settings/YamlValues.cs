using System.Globalization;
using Backups.Policies;
using Quartz;
using YamlDotNet.RepresentationModel;

namespace Backups.Service.Settings;

/// <summary>Reads typed scalar values from the settings file, reporting a wrong one at its position and returning null.</summary>
internal sealed class YamlValues(SettingsErrors errors, string baseDirectory, IReadOnlyDictionary<string, string?> environment)
{
    public SettingsErrors Errors { get; } = errors;

    public string? Text(YamlNode node, string name)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value } && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }
        Errors.Add(node, $"'{name}' must be a non-empty value");
        return null;
    }

    /// <summary>A path; relative paths resolve against the settings file's directory.</summary>
    public string? FilePath(YamlNode node, string name) =>
        Text(node, name) is { } text ? Path.GetFullPath(text, baseDirectory) : null;

    /// <summary>Text with every <c>${VAR}</c> replaced from the environment; an unset variable is an error here.</summary>
    public string? Resolved(YamlNode node, string name)
    {
        if (Text(node, name) is not { } text)
        {
            return null;
        }
        try
        {
            return PolicyEnvironment.Resolve(text, environment, name);
        }
        catch (ArgumentException e)
        {
            Errors.Add(node, e.Message);
            return null;
        }
    }

    public bool? Boolean(YamlNode node, string name)
    {
        switch ((node as YamlScalarNode)?.Value?.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Errors.Add(node, $"'{name}' must be true or false");
                return null;
        }
    }

    public int? Integer(YamlNode node, string name, int min, int max)
    {
        if ((node as YamlScalarNode)?.Value is { } text
            && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }
        Errors.Add(node, $"'{name}' must be a whole number from {min} to {max}");
        return null;
    }

    public double? Number(YamlNode node, string name, double min, double max)
    {
        if ((node as YamlScalarNode)?.Value is { } text
            && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }
        Errors.Add(node, $"'{name}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    /// <summary>A duration such as <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c> or <c>1d</c>, within the bounds.</summary>
    public TimeSpan? Duration(YamlNode node, string name, TimeSpan min, TimeSpan max)
    {
        var text = (node as YamlScalarNode)?.Value?.Trim() ?? "";
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        TimeSpan? value = digits > 0 && long.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            ? text[digits..].Trim() switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                "d" => TimeSpan.FromDays(amount),
                _ => null,
            }
            : null;
        if (value is { } duration && duration >= min && duration <= max)
        {
            return duration;
        }
        Errors.Add(node, value is null
            ? $"'{name}': '{text}' is not a duration (e.g. 500ms, 30s, 5m, 2h, 1d)"
            : $"'{name}' must be between {min} and {max}");
        return null;
    }

    /// <summary>A Quartz cron expression (seconds first), checked by Quartz's own parser.</summary>
    public string? Cron(YamlNode node, string name)
    {
        if (Text(node, name) is not { } text)
        {
            return null;
        }
        if (CronExpression.TryParse(text, out _))
        {
            return text;
        }
        Errors.Add(node, $"'{name}': '{text}' is not a Quartz cron expression (seconds first, e.g. \"0 30 2 * * ?\" for 02:30 every day)");
        return null;
    }

    public T? Choice<T>(YamlNode node, string name, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        if ((node as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() is { } text && choices.TryGetValue(text, out var value))
        {
            return value;
        }
        Errors.Add(node, $"'{name}' must be one of: {string.Join(", ", choices.Keys)}");
        return null;
    }
}

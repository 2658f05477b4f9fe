using System.Globalization;
using Backups.Domain.Policies;
using Backups.Policies.Yaml;

namespace Backups.Policies.Validation;

/// <summary>
/// Reads typed values out of nodes, reporting a positioned error for every value of the wrong shape.
/// Every method returns null after reporting, so callers carry on and find the next error.
/// </summary>
internal sealed class ValueReader(Diagnostics diagnostics, IReadOnlyDictionary<string, string?>? environment)
{
    public const string EnvFields = "source.connection, spare.connection and store";

    public Diagnostics Diagnostics { get; } = diagnostics;

    /// <summary>Whether <c>${VAR}</c> references are replaced by values (false: kept as written, syntax checked only).</summary>
    public bool Resolves => environment is not null;

    public MappingNode? Mapping(YamlNode node, string path, string contents)
    {
        if (node is MappingNode map)
        {
            return map;
        }
        Diagnostics.Add(node.Start, $"'{path}' must be a mapping ({contents}), found {node.Describe()}");
        return null;
    }

    /// <summary>A plain text value. <c>${</c> is refused here: references belong only in <see cref="EnvFields"/>.</summary>
    public ScalarNode? Scalar(YamlNode node, string path, string expected = "a text value")
    {
        if (node is not ScalarNode scalar)
        {
            Diagnostics.Add(node.Start, $"'{path}' must be {expected}, found {node.Describe()}");
            return null;
        }
        var reference = scalar.Value.IndexOf("${", StringComparison.Ordinal);
        if (reference >= 0)
        {
            Diagnostics.Add(scalar.At(reference), $"'{path}' cannot use environment references; they are allowed only in {EnvFields}");
            return null;
        }
        return scalar;
    }

    public string? Text(YamlNode node, string path, string expected = "a text value") =>
        Scalar(node, path, expected)?.Value;

    /// <summary>
    /// A text value that may hold <c>${VAR}</c> references: checks their syntax and, when resolving,
    /// replaces them (an unset or empty variable is an error naming it).
    /// </summary>
    public string? EnvText(ScalarNode scalar, string path, out bool unresolved)
    {
        unresolved = false;
        var raw = scalar.Value;
        if (!EnvReferences.TryFind(raw, out var references, out var syntaxError, out var errorIndex))
        {
            Diagnostics.Add(scalar.At(errorIndex), $"{path}: {syntaxError}");
            return null;
        }
        if (environment is null)
        {
            unresolved = references.Count > 0;
            return raw;
        }
        var resolved = EnvReferences.Substitute(raw, references, environment, out var missing);
        foreach (var reference in missing)
        {
            Diagnostics.Add(scalar.At(reference.Index), $"environment variable '{reference.Name}' is not set (or empty); {path} refers to it");
        }
        return missing.Count == 0 ? resolved : null;
    }

    /// <summary>A connection string: never a literal password; references resolved as <see cref="EnvText"/> does.</summary>
    public string? Connection(YamlNode node, string path, SourceKind? kind)
    {
        if (node is not ScalarNode scalar)
        {
            Diagnostics.Add(node.Start, $"'{path}' must be a connection string, found {node.Describe()}");
            return null;
        }
        if (scalar.Value.Trim().Length == 0)
        {
            Diagnostics.Add(scalar.Start, $"'{path}' is empty");
            return null;
        }
        if (ConnectionSecrets.Find(scalar.Value, kind) is { } secret)
        {
            Diagnostics.Add(
                scalar.At(secret.Index),
                $"literal password in {path} ({secret.Form}); reference an environment variable instead, e.g. Password=${{DB_PASSWORD}}, or write the whole connection as ${{DB_CONNECTION}}");
            return null;
        }
        return EnvText(scalar, path, out _);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? Integer(YamlNode node, string path, int min, int max)
    {
        var scalar = Scalar(node, path, $"a whole number from {min} to {max}");
        if (scalar is null)
        {
            return null;
        }
        if (!int.TryParse(scalar.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            Diagnostics.Add(scalar.Start, $"'{path}' must be a whole number from {min} to {max}, found '{scalar.Value}'");
            return null;
        }
        return value;
    }

    /// <summary>A number in (<paramref name="exclusiveMin"/>, <paramref name="max"/>].</summary>
    public double? Fraction(YamlNode node, string path, double exclusiveMin, double max)
    {
        var scalar = Scalar(node, path, "a number");
        if (scalar is null)
        {
            return null;
        }
        if (!double.TryParse(scalar.Value.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value <= exclusiveMin || value > max)
        {
            var range = string.Create(CultureInfo.InvariantCulture, $"greater than {exclusiveMin} and at most {max}");
            Diagnostics.Add(scalar.Start, $"'{path}' must be a number {range}, found '{scalar.Value}'");
            return null;
        }
        return value;
    }

    /// <summary>One text value or a list of them (a single value is a one-item list); empty items are errors.</summary>
    public IReadOnlyList<string>? TextList(YamlNode node, string path)
    {
        var items = node switch
        {
            SequenceNode sequence => sequence.Items,
            ScalarNode => [node],
            _ => null,
        };
        if (items is null)
        {
            Diagnostics.Add(node.Start, $"'{path}' must be a list of names or patterns, found {node.Describe()}");
            return null;
        }
        var result = new List<string>();
        var ok = true;
        foreach (var item in items)
        {
            var text = item is ScalarNode { IsNull: true } ? "" : Text(item, $"{path} entries", "a name or pattern");
            if (text is null)
            {
                ok = false;
            }
            else if (text.Trim().Length == 0)
            {
                Diagnostics.Add(item.Start, $"empty entry in '{path}'");
                ok = false;
            }
            else
            {
                result.Add(text.Trim());
            }
        }
        return ok ? result : null;
    }
}

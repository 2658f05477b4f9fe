using Backups.Domain.Policies;
using Backups.Domain.Retention;
using Backups.Policies.Yaml;

namespace Backups.Policies.Validation;

/// <summary>Reads the nested sections of a policy: source, retention, guards, cold and spare.</summary>
internal sealed class SectionReader(ValueReader values)
{
    public const int MaxExpirePerRunLimit = 1_000_000;

    private Diagnostics Diagnostics => values.Diagnostics;

    public SourceSpec? Source(YamlNode node)
    {
        var map = values.Mapping(node, "source", "kind, connection, schema, tables, exclude");
        if (map is null)
        {
            return null;
        }
        var keys = new MapReader(map, "source", PolicyKeys.Source, Diagnostics);
        var kind = keys.Required("kind") is { } kindNode ? Kind(kindNode, "source.kind") : null;
        var connection = keys.Required("connection") is { } connectionNode
            ? values.Connection(connectionNode, "source.connection", kind)
            : null;
        var schema = keys.Optional("schema") is { } schemaNode ? values.Text(schemaNode, "source.schema")?.Trim() : null;
        if (kind == SourceKind.Sqlite && schema is { Length: > 0 } && !schema.Equals("main", StringComparison.OrdinalIgnoreCase))
        {
            Diagnostics.Add(keys.Optional("schema")!.Start, $"a SQLite source has only the schema 'main', not '{schema}'; remove 'source.schema'");
            schema = null;
            kind = null;
        }
        var tables = keys.Optional("tables") is { } tablesNode ? values.TextList(tablesNode, "source.tables") : SourceSpec.AllTables;
        if (tables is { Count: 0 })
        {
            Diagnostics.Add(keys.Key("tables")!.Start, "'source.tables' is empty, so nothing would be backed up; omit it to back up every table");
            tables = null;
        }
        var exclude = keys.Optional("exclude") is { } excludeNode ? values.TextList(excludeNode, "source.exclude") : [];
        return kind is null || connection is null || tables is null || exclude is null
            ? null
            : new SourceSpec(kind.Value, connection, schema is { Length: > 0 } ? schema : null, tables, exclude);
    }

    public IReadOnlyList<Tier>? Retention(YamlNode node)
    {
        var map = values.Mapping(node, "retention", "tiers such as hourly: 3d, daily: 14d");
        if (map is null)
        {
            return null;
        }
        var keys = new MapReader(map, "retention", PolicyKeys.Retention, Diagnostics, noun: "tier");
        if (map.Entries.Count == 0)
        {
            Diagnostics.Add(map.Start, "'retention' has no tiers; add at least one, e.g. daily: 14d");
            return null;
        }
        var tiers = new List<Tier>();
        var ok = true;
        foreach (var (key, value) in keys.Present)
        {
            var window = Window(value, $"retention.{key.Value}", key);
            if (window is not null && PeriodNames.TryParse(key.Value, out var period))
            {
                tiers.Add(new Tier(period, window.Value));
            }
            else
            {
                ok = false;
            }
        }
        return ok && tiers.Count > 0 ? [.. tiers.OrderBy(t => t.Period)] : null;
    }

    public ExpiryGuards? Guards(YamlNode node)
    {
        var map = values.Mapping(node, "guards", "max-expire-per-run, max-expire-fraction");
        if (map is null)
        {
            return null;
        }
        var keys = new MapReader(map, "guards", PolicyKeys.Guards, Diagnostics);
        var defaults = ExpiryGuards.Default;
        var perRun = keys.Optional("max-expire-per-run") is { } perRunNode
            ? values.Integer(perRunNode, "guards.max-expire-per-run", 1, MaxExpirePerRunLimit)
            : defaults.MaxExpirePerRun;
        var fraction = keys.Optional("max-expire-fraction") is { } fractionNode
            ? values.Fraction(fractionNode, "guards.max-expire-fraction", 0, 1)
            : defaults.MaxExpireFraction;
        return perRun is null || fraction is null ? null : new ExpiryGuards(perRun, fraction.Value);
    }

    public ColdSpec? Cold(YamlNode node)
    {
        var map = values.Mapping(node, "cold", "after, class");
        if (map is null)
        {
            return null;
        }
        var keys = new MapReader(map, "cold", PolicyKeys.Cold, Diagnostics);
        var after = keys.Required("after") is { } afterNode ? Window(afterNode, "cold.after", keys.Key("after")!) : null;
        var coldClass = (ColdClass?)ColdClass.Auto;
        if (keys.Optional("class") is { } classNode && values.Scalar(classNode, "cold.class") is { } classScalar)
        {
            if (ColdClassNames.TryParse(classScalar.Value, out var parsed))
            {
                coldClass = parsed;
            }
            else
            {
                var hint = Suggestions.Hint(classScalar.Value, ColdClassNames.All);
                Diagnostics.Add(classScalar.Start, $"unknown cold class '{classScalar.Value}'{hint} (expected auto, glacier-ir, glacier or deep-archive)");
                coldClass = null;
            }
        }
        return after is null || coldClass is null ? null : new ColdSpec(after.Value, coldClass.Value);
    }

    public SpareSpec? Spare(YamlNode node, SourceSpec? source)
    {
        var map = values.Mapping(node, "spare", "connection, kind, schema");
        if (map is null)
        {
            return null;
        }
        var keys = new MapReader(map, "spare", PolicyKeys.Spare, Diagnostics);
        var kind = keys.Optional("kind") is { } kindNode ? Kind(kindNode, "spare.kind") : source?.Kind;
        var connectionNode = keys.Required("connection");
        var connection = connectionNode is null ? null : values.Connection(connectionNode, "spare.connection", kind);
        var schema = keys.Optional("schema") is { } schemaNode ? values.Text(schemaNode, "spare.schema")?.Trim() : null;
        if (connection is not null && source is not null && string.Equals(connection.Trim(), source.Connection.Trim(), StringComparison.Ordinal))
        {
            Diagnostics.Add(connectionNode!.Start, "'spare.connection' is the same as 'source.connection'; restores must never write to the source");
            return null;
        }
        return kind is null || connection is null
            ? null
            : new SpareSpec(kind.Value, connection, schema is { Length: > 0 } ? schema : null);
    }

    private SourceKind? Kind(YamlNode node, string path)
    {
        var scalar = values.Scalar(node, path, "one of postgres, sqlite, oracle");
        if (scalar is null)
        {
            return null;
        }
        if (SourceKindNames.TryParse(scalar.Value, out var kind))
        {
            return kind;
        }
        var hint = Suggestions.Hint(scalar.Value, [.. SourceKindNames.All, "postgresql"]);
        Diagnostics.Add(scalar.Start, $"unknown source kind '{scalar.Value}'{hint} (expected postgres, sqlite or oracle)");
        return null;
    }

    /// <summary>A duration such as 14d; <paramref name="key"/> is where an empty value is reported.</summary>
    private RetentionWindow? Window(YamlNode node, string path, ScalarNode key)
    {
        if (node is ScalarNode { IsNull: true })
        {
            Diagnostics.Add(key.Start, $"'{path}' has no value (expected a duration such as 14d)");
            return null;
        }
        var scalar = values.Scalar(node, path, "a duration such as 14d");
        if (scalar is null)
        {
            return null;
        }
        if (!RetentionWindow.TryParse(scalar.Value, out var window, out var error))
        {
            Diagnostics.Add(scalar.Start, $"{path}: {error}");
            return null;
        }
        return window;
    }
}

using Backups.Policies.Validation;
using Backups.Policies.Yaml;

namespace Backups.Policies;

/// <summary>
/// Loads and validates policy files (docs/policy.md). Every error in a file is reported at once, each with
/// its file, line and column.
/// </summary>
/// <remarks>
/// <c>environment</c>: null (the default, for validation) keeps <c>${VAR}</c> references as written and
/// only checks their syntax; a dictionary (e.g. <see cref="PolicyEnvironment.FromProcess"/>) replaces them
/// by values, and an unset or empty variable is an error naming it.
/// </remarks>
public static class PolicyLoader
{
    /// <summary>Loads one policy from YAML text; <paramref name="fileName"/> is only used in errors.</summary>
    public static PolicyLoadResult Load(string yamlText, string fileName, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);
        var diagnostics = new Diagnostics(fileName);
        var root = YamlTreeReader.Read(yamlText, diagnostics);
        if (root is null or ScalarNode { IsNull: true })
        {
            if (diagnostics.Count == 0)
            {
                diagnostics.Add(SourcePosition.FileStart, "empty policy file (expected name, source, store, schedule and retention)");
            }
            return new PolicyLoadResult(fileName, null, diagnostics.Sorted());
        }
        var reader = new PolicyReader(new ValueReader(diagnostics, environment));
        var policy = reader.Read(root);
        return new PolicyLoadResult(fileName, diagnostics.Count == 0 ? policy : null, diagnostics.Sorted())
        {
            DeclaredName = reader.DeclaredName,
            NamePosition = (reader.NamePosition.Line, reader.NamePosition.Column),
        };
    }

    /// <summary>Loads one policy file; a file that cannot be read is one error with line and column 0.</summary>
    public static PolicyLoadResult LoadFile(string path, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read file: {e.Message}";
            return new PolicyLoadResult(path, null, [new PolicyError(path, 0, 0, reason)]);
        }
        return Load(text, path, environment);
    }

    /// <summary>
    /// Loads several policy files (in the order given) and also reports a policy name used by more than one file,
    /// at each later file's <c>name</c>; such a later file then has no policy in the result.
    /// </summary>
    public static PolicySetLoadResult LoadFiles(IEnumerable<string> paths, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var results = new List<PolicyLoadResult>();
        var firstByName = new Dictionary<string, PolicyLoadResult>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var result = LoadFile(path, environment);
            if (result.DeclaredName is { } name && !firstByName.TryAdd(name, result))
            {
                // A later file reusing a name is invalid in the set: its error joins the file's own, in file order.
                var first = firstByName[name];
                var (line, column) = result.NamePosition;
                var duplicate = new PolicyError(
                    result.File,
                    line,
                    column,
                    $"duplicate policy name '{name}' (also used by {first.File}:{first.NamePosition.Line}:{first.NamePosition.Column})");
                result = result with
                {
                    Policy = null,
                    Errors = [.. result.Errors.Append(duplicate).OrderBy(e => e.Line).ThenBy(e => e.Column)],
                };
            }
            results.Add(result);
        }
        return new PolicySetLoadResult(results, [.. results.SelectMany(r => r.Errors)]);
    }

    /// <summary>
    /// Loads every <c>*.yaml</c> and <c>*.yml</c> file directly in <paramref name="directory"/> (not its subdirectories),
    /// in ordinal name order, checking that policy names are unique. A missing directory is one error.
    /// </summary>
    public static PolicySetLoadResult LoadDirectory(string directory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return new PolicySetLoadResult([], [new PolicyError(directory, 0, 0, "policy directory not found")]);
        }
        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        return LoadFiles(files, environment);
    }
}

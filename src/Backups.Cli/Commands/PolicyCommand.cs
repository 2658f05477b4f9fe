using System.CommandLine;
using System.Text.Json;
using Backups.Cli.Infrastructure;
using Backups.Policies;

namespace Backups.Cli.Commands;

/// <summary><c>backups policy validate FILE...</c>: checks policy files and reports every error with file, line and column.</summary>
internal static class PolicyCommand
{
    public static Command Build(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Policy files (YAML) or directories of them", Arity = ArgumentArity.OneOrMore };
        var resolveEnv = new Option<bool>("--resolve-env") { Description = "Also require every ${VAR} reference to be set in the environment" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var validate = new Command("validate", "Validate policy files; exit 0 when all are valid, 2 with every error as FILE:LINE:COL: message")
        {
            files, resolveEnv, json,
        };
        validate.SetAction(parse =>
        {
            var paths = ExpandPaths(parse.GetValue(files)!);
            var set = PolicyLoader.LoadFiles(paths, parse.GetValue(resolveEnv) ? context.Environment : null);
            var results = set.Files
                .Select(f => (Path: f.File, Errors: f.Errors))
                .ToList();
            var failed = results.Count(r => r.Errors.Count > 0);

            if (parse.GetValue(json))
            {
                var payload = new
                {
                    valid = failed == 0,
                    files = results.Select(r => new
                    {
                        file = r.Path,
                        valid = r.Errors.Count == 0,
                        errors = r.Errors.Select(e => new { file = e.File, line = e.Line, column = e.Column, message = e.Message }),
                    }),
                };
                context.Out.WriteLine(JsonSerializer.Serialize(payload, JsonOutput.Options));
            }
            else
            {
                foreach (var (path, errors) in results)
                {
                    if (errors.Count == 0)
                    {
                        context.Out.WriteLine($"{path}: ok");
                    }
                    foreach (var error in errors)
                    {
                        context.Error.WriteLine(error.ToString());
                    }
                }
                if (failed > 0)
                {
                    context.Error.WriteLine($"{failed} of {results.Count} policy files are invalid");
                }
            }
            return failed == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        });

        return new Command("policy", "Work with policy files") { validate, PolicyDiffCommand.Build(context), PolicyAcceptCommand.Build(context) };
    }

    private static List<string> ExpandPaths(IEnumerable<string> inputs)
    {
        var result = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                result.AddRange(Directory.EnumerateFiles(input, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                result.Add(input);
            }
        }
        return result;
    }
}

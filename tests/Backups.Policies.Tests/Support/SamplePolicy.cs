namespace Backups.Policies.Tests.Support;

/// <summary>
/// A valid policy whose line numbers the error tests rely on; each test breaks one thing with
/// <see cref="With"/> and asserts the exact position of the error.
/// </summary>
internal static class SamplePolicy
{
    public const string FileName = "policies/sample.yaml";

    // Lines:   1 name, 2 source, 3 kind, 4 connection, 5 schema, 6 tables, 7 store, 8 schedule,
    //          9 timezone, 10 retention, 11 hourly, 12 daily, 13 weekly, 14 monthly,
    //          15 cold, 16 after, 17 class, 18 guards, 19 max-expire-per-run.
    public const string Text = """
        name: vacols
        source:
          kind: oracle
          connection: ${VACOLS_CONNECTION}
          schema: VACOLS
          tables: ["*"]
        store: s3://vacols-backups/vacols
        schedule: "0 0 * * * ?"
        timezone: UTC
        retention:
          hourly: 3d
          daily: 14d
          weekly: 60d
          monthly: 180d
        cold:
          after: 14d
          class: auto
        guards:
          max-expire-per-run: 50

        """;

    /// <summary>The sample with one exact piece of text replaced (which must occur exactly once).</summary>
    public static string With(string find, string replacement)
    {
        var at = Text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0 || Text.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{find}' must occur exactly once in the sample policy", nameof(find));
        }
        return string.Concat(Text.AsSpan(0, at), replacement, Text.AsSpan(at + find.Length));
    }

    public static PolicyLoadResult Load(string text, IReadOnlyDictionary<string, string?>? environment = null) =>
        PolicyLoader.Load(text, FileName, environment);

    /// <summary>The errors as <c>LINE:COL: message</c>, the file name left out.</summary>
    public static string[] Errors(string text, IReadOnlyDictionary<string, string?>? environment = null) =>
        [.. Load(text, environment).Errors.Select(e => $"{e.Line}:{e.Column}: {e.Message}")];

    /// <summary>The single error of a file that should have exactly one.</summary>
    public static string Error(string text, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var errors = Errors(text, environment);
        errors.Length.ShouldBe(1, string.Join(Environment.NewLine, errors));
        return errors[0];
    }
}

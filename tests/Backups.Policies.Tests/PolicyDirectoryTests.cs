using Backups.Policies.Tests.Support;

namespace Backups.Policies.Tests;

public sealed class PolicyDirectoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("policies-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Every_yaml_file_directly_in_the_directory_is_loaded_in_name_order()
    {
        Write("b.yml", SamplePolicy.With("name: vacols", "name: beta"));
        Write("a.yaml", SamplePolicy.With("name: vacols", "name: alpha"));
        Write("notes.txt", "not a policy");
        Write("examples/c.yaml", "not: [valid");

        var result = PolicyLoader.LoadDirectory(_directory);

        result.Errors.ShouldBeEmpty();
        result.IsValid.ShouldBeTrue();
        result.Policies.Select(p => p.Name).ShouldBe(["alpha", "beta"]);
        result.Files.Select(f => Path.GetFileName(f.File)).ShouldBe(["a.yaml", "b.yml"]);
    }

    [Fact]
    public void A_policy_name_used_twice_is_reported_at_the_second_file()
    {
        var first = Write("a.yaml", SamplePolicy.Text);
        var second = Write("b.yaml", "# the same policy again\n" + SamplePolicy.Text);

        var result = PolicyLoader.LoadDirectory(_directory);

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldBe([new PolicyError(second, 2, 7, $"duplicate policy name 'vacols' (also used by {first}:1:7)")]);
        result.Files.Select(f => f.IsValid).ShouldBe([true, false]);
        result.Policies.Select(p => p.Name).ShouldBe(["vacols"]);
    }

    [Fact]
    public void A_duplicate_name_is_reported_even_when_the_file_has_other_errors()
    {
        Write("a.yaml", SamplePolicy.Text);
        var second = Write("b.yaml", SamplePolicy.With("store: s3://vacols-backups/vacols", "store: s3://x"));

        var result = PolicyLoader.LoadDirectory(_directory);

        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            $"{second}:1:7: duplicate policy name 'vacols' (also used by {Path.Combine(_directory, "a.yaml")}:1:7)",
            $"{second}:7:8: bad S3 bucket name 'x': must be 3 to 63 characters long",
        ]);
        result.Policies.Select(p => p.Name).ShouldBe(["vacols"]);
    }

    [Fact]
    public void Errors_of_every_file_are_reported_together()
    {
        var a = Write("a.yaml", SamplePolicy.With("name: vacols", "name: a").Replace("  daily: 14d", "  daily: 14x", StringComparison.Ordinal));
        var b = Write("b.yaml", SamplePolicy.With("name: vacols", "name: b").Replace("timezone: UTC", "timezone: Nowhere", StringComparison.Ordinal));

        var result = PolicyLoader.LoadDirectory(_directory);

        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            $"{a}:12:10: retention.daily: bad duration '14x' (unknown unit 'x'; use h, d, w, m or y)",
            $"{b}:9:11: unknown time zone 'Nowhere' (use a tz database id such as UTC or America/New_York)",
        ]);
        result.Policies.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_directory_is_one_error()
    {
        var missing = Path.Combine(_directory, "nope");

        PolicyLoader.LoadDirectory(missing).Errors.ShouldBe([new PolicyError(missing, 0, 0, "policy directory not found")]);
    }
}

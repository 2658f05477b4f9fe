using System.Text.Json;
using Backups.Domain.Schema;
using Backups.Restore.Tests.Support;
using Backups.Snapshots;
using NodaTime;

namespace Backups.Restore.Tests.Query;

/// <summary><c>backups query</c> over real snapshot files in a directory store, with DuckDB.</summary>
public sealed class QueryCommandTests : IDisposable
{
    private static readonly TableSchema Notes = new("app", "notes",
        [new ColumnSchema("id", "integer", ColumnKind.Int32, false), new ColumnSchema("body", "text", ColumnKind.Text, true)], ["id"], []);

    private readonly Workspace _workspace = new();

    [Fact]
    public async Task One_row_by_key_comes_back_as_JSON_with_exact_numerics()
    {
        var snapshot = await WriteAsync();
        var result = await QueryAsync(0, "--snapshot", snapshot.Id, "SELECT id, amount, note, opened, big FROM accounts WHERE id = 41", "--json");
        using var json = JsonDocument.Parse(result.Out);
        var row = json.RootElement.EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("id").GetInt64().ShouldBe(41);
        row.GetProperty("amount").GetRawText().ShouldBe("41.41", "numeric(12,2) is a DECIMAL(12,2), written exactly");
        row.GetProperty("big").GetString().ShouldBe("123456789012345678901234567890123456789012.5", "wider than 38 digits stays exact text");
        row.GetProperty("note").GetString().ShouldBe("note 41, \"quoted\"");
        row.GetProperty("opened").GetString().ShouldBe("2024-02-11");
        result.Error.ShouldContain($"querying snapshot {snapshot.Id}");
    }

    [Fact]
    public async Task Decimals_add_up_exactly_and_tables_answer_to_plain_and_qualified_names()
    {
        var snapshot = await WriteAsync();
        var result = await QueryAsync(0, "--snapshot", snapshot.Id, "SELECT sum(a.amount) AS total, count(*) AS n FROM APP.Accounts a JOIN accounts b USING (id)", "--json");
        using var json = JsonDocument.Parse(result.Out);
        var row = json.RootElement[0];
        var expected = Enumerable.Range(1, 100).Sum(i => decimal.Parse($"{i}.{i % 100:D2}", System.Globalization.CultureInfo.InvariantCulture));
        decimal.Parse(row.GetProperty("total").GetRawText(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected, "summed as DECIMAL, not as binary floats");
        row.GetProperty("n").GetInt64().ShouldBe(100);
    }

    [Fact]
    public async Task CSV_quotes_fields_with_commas_and_quotes_and_leaves_NULL_empty()
    {
        var snapshot = await WriteAsync();
        var result = await QueryAsync(0, "--snapshot", snapshot.Id, "SELECT id, note FROM accounts WHERE id IN (2, 3) ORDER BY id", "--csv");
        result.Out.ShouldBe("id,note\r\n2,\"note 2, \"\"quoted\"\"\"\r\n3,\r\n");
    }

    [Fact]
    public async Task The_text_table_has_a_header_and_a_row_count()
    {
        var snapshot = await WriteAsync();
        var result = await QueryAsync(0, "--at", "2026-11-25T10:00:00Z", "SELECT id, note FROM accounts ORDER BY id LIMIT 2");
        result.Out.ShouldBe("id  note\n--  ----------------\n1   note 1, \"quoted\"\n2   note 2, \"quoted\"\n(2 rows)\n".Replace("\n", Environment.NewLine, StringComparison.Ordinal));
        result.Error.ShouldContain(snapshot.Id);
    }

    [Fact]
    public async Task Only_the_tables_named_are_downloaded_and_a_damaged_one_is_named()
    {
        var snapshot = await WriteAsync();
        var part = snapshot.FindTable("app", "notes")!.Parts[0].Key;
        await File.WriteAllTextAsync(_workspace.StorePath(part), "damaged");
        await QueryAsync(0, "--snapshot", snapshot.Id, "SELECT count(*) FROM accounts");
        (await QueryAsync(1, "--snapshot", snapshot.Id, "SELECT count(*) FROM notes")).Error.ShouldContain($"object '{part}' is corrupt");
    }

    [Fact]
    public async Task A_query_cannot_read_or_write_files_outside_the_snapshot()
    {
        var snapshot = await WriteAsync();
        var outside = Path.Combine(_workspace.Root, "outside.csv");
        await File.WriteAllTextAsync(outside, "a,b\n1,2\n");
        (await QueryAsync(2, "--snapshot", snapshot.Id, $"SELECT * FROM read_csv('{outside}')")).Error.ShouldContain("disabled by configuration");
        (await QueryAsync(2, "--snapshot", snapshot.Id, $"COPY (SELECT * FROM accounts) TO '{outside}.out'")).Error.ShouldContain("disabled by configuration");
        File.Exists(outside + ".out").ShouldBeFalse();
        (await QueryAsync(2, "--snapshot", snapshot.Id, "SET enable_external_access = true")).Error.ShouldContain("locked");
    }

    [Fact]
    public async Task A_bad_query_is_exit_2_with_DuckDBs_message()
    {
        var snapshot = await WriteAsync();
        (await QueryAsync(2, "--snapshot", snapshot.Id, "SELECT nosuch FROM accounts")).Error.ShouldContain("nosuch");
        (await QueryAsync(2, "--snapshot", snapshot.Id, "SELECT 1", "--json", "--csv")).Error.ShouldContain("not both");
    }

    public void Dispose() => _workspace.Dispose();

    private Task<Manifest> WriteAsync() =>
        StoreBuilder.WriteAsync(_workspace.StoreDirectory, Instant.FromUtc(2026, 11, 25, 9, 0),
            (StoreBuilder.Accounts, StoreBuilder.AccountRows(100)),
            (Notes, [[1, "hello"]]));

    private Task<CliResult> QueryAsync(int expected, params string[] args) =>
        _workspace.RunExpectingAsync(expected, ["query", "--store", _workspace.StoreDirectory, .. args]);
}

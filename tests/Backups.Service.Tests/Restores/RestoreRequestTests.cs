using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backups.Cli;
using Backups.Cli.Infrastructure;
using Backups.Service.Hosting;
using Backups.Service.Tests.Support;
using Microsoft.Data.Sqlite;
using Serilog.Events;

namespace Backups.Service.Tests.Restores;

/// <summary>
/// Restores on request through the running service, end to end with a SQLite source, a directory store and SQLite
/// targets: <c>backups restore --via</c> queues the request, the service logs who asked for what before it runs it,
/// applies the same guard as a local restore, and runs one request at a time per target.
/// </summary>
public sealed class RestoreRequestTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Database => _directory.Combine("app.db");

    private string Store => _directory.Combine("store");

    private async Task<(RunningService Service, CapturingSink Sink, string Snapshot)> StartAsync()
    {
        SqliteDatabase.Create(Database, rows: 30);
        var file = _directory.Write("policies/app.yaml", PolicyYaml.Local("app", Database, Store, "0 0 0 1 1 ?"));
        var options = TestHosts.Options(_directory, _directory.Combine("policies"));
        var snapshot = await EarlierSnapshots.TakeAsync(file, options.DefaultCatalogPath, NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0));
        var sink = new CapturingSink();
        var service = await ServiceHost.StartAsync(options with { LogSink = sink }, CancellationToken.None);
        return (service, sink, snapshot);
    }

    private async Task<(int Exit, string Out, string Error)> CliAsync(params string[] args)
    {
        var (context, output, errors) = CliContexts.Create(_directory, ("USER", "alice"));
        var exit = await CliApp.RunAsync(args, context, CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task A_restore_through_the_service_is_logged_before_it_runs_and_restores_every_row()
    {
        var (service, sink, snapshot) = await StartAsync();
        await using var _ = service;
        var target = _directory.Combine("spare.db");

        var (exit, output, errors) = await CliAsync(
            "restore", "--store", Store, "--snapshot", snapshot, "--to", $"sqlite:{target}", "--via", service.HttpAddress.ToString());

        exit.ShouldBe(ExitCodes.Ok, errors);
        output.ShouldStartWith($"restored: 2 tables, 33 rows from snapshot {snapshot} into sqlite {target} (restore request ");
        errors.ShouldContain("backups: restore request ");
        errors.ShouldContain($"sqlite {target}: load 30 rows of items from snapshot {snapshot} into items, in one transaction");
        Count(target, "items").ShouldBe(30);
        Count(target, "notes").ShouldBe(3);

        var rendered = sink.Rendered();
        var queued = rendered.ToList().FindIndex(l => l.StartsWith("Restore request ", StringComparison.Ordinal) && l.Contains("queued at", StringComparison.Ordinal));
        var firstChange = rendered.ToList().FindIndex(l => l.Contains("create table items", StringComparison.Ordinal));
        queued.ShouldBeGreaterThanOrEqualTo(0);
        rendered[queued].ShouldContain("by \"alice from 127.0.0.1\"");
        rendered[queued].ShouldContain($"--snapshot {snapshot} --to sqlite:{target}");
        firstChange.ShouldBeGreaterThan(queued);
        sink.At(LogEventLevel.Warning, "Restore request {Id} succeeded").ShouldHaveSingleItem();

        using var http = new HttpClient { BaseAddress = service.HttpAddress };
        var list = JsonDocument.Parse(await http.GetStringAsync(new Uri("/restores", UriKind.Relative))).RootElement;
        var ticket = list.EnumerateArray().ShouldHaveSingleItem();
        ticket.GetProperty("state").GetString().ShouldBe("succeeded");
        ticket.GetProperty("snapshot").GetString().ShouldBe(snapshot);
        ticket.GetProperty("rows").GetInt64().ShouldBe(33);
        ticket.GetProperty("changes").GetArrayLength().ShouldBe(4);
        var health = JsonDocument.Parse(await http.GetStringAsync(new Uri("/health", UriKind.Relative))).RootElement.GetProperty("restores");
        health.GetProperty("last").GetProperty("state").GetString().ShouldBe("succeeded");
        (await http.GetAsync(new Uri("/restores/20260101T000000Z-00000000", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Restoring_into_the_source_through_the_service_is_refused_unless_every_explicit_flag_is_given()
    {
        var (service, _, snapshot) = await StartAsync();
        await using var _ = service;
        var via = service.HttpAddress.ToString();

        var plain = await CliAsync("restore", "--store", Store, "--snapshot", snapshot, "--to", $"sqlite:{Database}", "--via", via);
        var unconfirmed = await CliAsync("restore", "--store", Store, "--snapshot", snapshot, "--to", $"sqlite:{Database}", "--into-source", "--yes", "--via", via);
        var explicitly = await CliAsync(
            "restore", "--store", Store, "--snapshot", snapshot, "--to", $"sqlite:{Database}", "--into-source", "--yes", "--tables", "notes", "--mode", "truncate", "--via", via);

        plain.Exit.ShouldBe(ExitCodes.Refused);
        plain.Error.ShouldContain("refused: ");
        plain.Error.ShouldContain("restoring into it would overwrite live data");
        unconfirmed.Exit.ShouldBe(ExitCodes.Refused);
        unconfirmed.Error.ShouldContain("needs --tables T1,T2 and --mode");
        explicitly.Exit.ShouldBe(ExitCodes.Ok, explicitly.Error);
        explicitly.Out.ShouldStartWith("restored: 1 tables, 3 rows");
        Count(Database, "items").ShouldBe(30);
    }

    [Fact]
    public async Task Requests_for_one_target_run_one_at_a_time_while_another_target_is_served()
    {
        var (service, _, snapshot) = await StartAsync();
        await using var _ = service;
        using var http = new HttpClient { BaseAddress = service.HttpAddress };
        var busy = _directory.Combine("busy.db");
        var other = _directory.Combine("other.db");

        string first, second;
        using (var holder = new SqliteConnection($"Data Source={busy};Pooling=false"))
        {
            holder.Open();
            using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                begin.ExecuteNonQuery();
            }
            first = await SubmitAsync(http, snapshot, busy, mode: null);
            second = await SubmitAsync(http, snapshot, busy, mode: "truncate");
            var third = await SubmitAsync(http, snapshot, other, mode: null);
            await Eventually.WaitUntil(() => State(http, third) == "succeeded", TimeSpan.FromSeconds(4), "the request for the other target");

            State(http, first).ShouldBe("running");
            State(http, second).ShouldBe("queued");
            var restores = JsonDocument.Parse(await http.GetStringAsync(new Uri("/health", UriKind.Relative))).RootElement.GetProperty("restores");
            restores.GetProperty("queued").GetInt32().ShouldBe(1);
            restores.GetProperty("running").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetString().ShouldBe(first);
            holder.Close();
        }
        await Eventually.WaitUntil(() => State(http, second) is "succeeded" or "failed", TimeSpan.FromSeconds(20), "the second request");

        var a = Ticket(http, first);
        var b = Ticket(http, second);
        a.GetProperty("state").GetString().ShouldBe("succeeded", a.GetProperty("error").ToString());
        b.GetProperty("state").GetString().ShouldBe("succeeded", b.GetProperty("error").ToString());
        DateTimeOffset.Parse(b.GetProperty("startedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(DateTimeOffset.Parse(a.GetProperty("finishedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Count(busy, "items").ShouldBe(30);
        Count(other, "items").ShouldBe(30);
    }

    [Fact]
    public async Task A_malformed_request_is_bad_input_and_an_unreachable_service_is_unavailable()
    {
        var (service, _, snapshot) = await StartAsync();
        var via = service.HttpAddress.ToString();

        var badTarget = await CliAsync("restore", "--store", Store, "--snapshot", snapshot, "--to", "mysql:x", "--via", via);
        using (var http = new HttpClient { BaseAddress = service.HttpAddress })
        {
            var unknownField = await http.PostAsync(new Uri("/restores", UriKind.Relative), new StringContent("{\"tables\": [\"a\"], \"bogus\": 1}", System.Text.Encoding.UTF8, "application/json"));
            unknownField.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await unknownField.Content.ReadAsStringAsync()).ShouldContain("bogus");
        }
        await service.DisposeAsync();
        var down = await CliAsync("restore", "--store", Store, "--snapshot", snapshot, "--to", $"sqlite:{_directory.Combine("x.db")}", "--via", via);

        badTarget.Exit.ShouldBe(ExitCodes.BadInput);
        badTarget.Error.ShouldContain("to: expected KIND:CONNECTION");
        down.Exit.ShouldBe(ExitCodes.Unavailable);
        down.Error.ShouldContain($"cannot reach the service at {via}");
    }

    private static async Task<string> SubmitAsync(HttpClient http, string snapshot, string target, string? mode)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/restores", UriKind.Relative), new { store = (string?)null, policy = "app", snapshot, to = $"sqlite:{target}", mode, requestedBy = "test" });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        response.Headers.Location.ShouldNotBeNull();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private static JsonElement Ticket(HttpClient http, string id) =>
        JsonDocument.Parse(http.GetStringAsync(new Uri($"/restores/{id}", UriKind.Relative)).GetAwaiter().GetResult()).RootElement.Clone();

    private static string? State(HttpClient http, string id) => Ticket(http, id).GetProperty("state").GetString();

    private static long Count(string path, string table)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _directory.Dispose();
}

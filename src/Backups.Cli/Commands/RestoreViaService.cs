using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backups.Cli.Infrastructure;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups restore ... --via http://127.0.0.1:9464</c>: hands the restore to the running service (<c>POST /restores</c>),
/// which logs and queues it and runs it when no other request for the same target is running, then follows its status
/// until it ends (unless <c>--no-wait</c>). Exit codes as for a local restore: 4 when a guard refused it, 1 when it failed.
/// </summary>
internal static class RestoreViaService
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(CliContext context, Uri service, object body, bool wait, bool json, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = service };
        JsonElement ticket;
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri("/restores", UriKind.Relative), body, cancellationToken);
            ticket = await ReadAsync(response, cancellationToken);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                throw new CliException(Text(ticket, "error") ?? "the service refused the request as malformed", ExitCodes.BadInput);
            }
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new CliException($"the service at {service} answered {(int)response.StatusCode} to the restore request: {Text(ticket, "error")}", ExitCodes.Failed);
            }
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach the service at {service}: {e.Message}", ExitCodes.Unavailable);
        }

        var id = Text(ticket, "id")!;
        await context.Error.WriteLineAsync($"backups: restore request {id} queued in the service at {service} (by {Text(ticket, "requestedBy")}); its log has every step");
        if (!wait)
        {
            context.Out.WriteLine(json ? ticket.GetRawText() : id);
            return ExitCodes.Ok;
        }

        var shown = 0;
        var state = "queued";
        try
        {
            while (true)
            {
                var changes = ticket.GetProperty("changes");
                for (; shown < changes.GetArrayLength(); shown++)
                {
                    await context.Error.WriteLineAsync($"backups: {Text(ticket, "target")}: {changes[shown].GetString()}");
                }
                if (Text(ticket, "state") is { } now && now != state)
                {
                    state = now;
                    if (state == "running")
                    {
                        await context.Error.WriteLineAsync($"backups: restore request {id} running");
                    }
                }
                if (state is not ("queued" or "running"))
                {
                    break;
                }
                await Task.Delay(PollEvery, cancellationToken);
                using var response = await http.GetAsync(new Uri($"/restores/{id}", UriKind.Relative), cancellationToken);
                ticket = await ReadAsync(response, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"stopped waiting; restore request {id} goes on in the service: GET {new Uri(service, $"/restores/{id}")}", ExitCodes.Interrupted);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"lost the service at {service} while following restore request {id}: {e.Message}", ExitCodes.Unavailable);
        }

        if (json)
        {
            context.Out.WriteLine(ticket.GetRawText());
        }
        return state switch
        {
            "succeeded" when json => ExitCodes.Ok,
            "succeeded" => Summarize(context, ticket),
            "refused" => throw new CliException($"restore request {id} refused: {Text(ticket, "error")}", ExitCodes.Refused),
            "cancelled" => throw new CliException($"restore request {id} cancelled: {Text(ticket, "error")}", ExitCodes.Interrupted),
            _ => throw new CliException($"restore request {id} failed: {Text(ticket, "error")}", ExitCodes.Failed),
        };
    }

    private static int Summarize(CliContext context, JsonElement ticket)
    {
        var what = ticket.GetProperty("dryRun").GetBoolean() ? "checked (dry run, nothing was changed)" : "restored";
        context.Out.WriteLine(
            $"{what}: {ticket.GetProperty("tables").GetInt32()} tables, {Units.Count(ticket.GetProperty("rows").GetInt64())} rows from snapshot "
            + $"{Text(ticket, "snapshot")} into {Text(ticket, "target")} (restore request {Text(ticket, "id")})");
        return ExitCodes.Ok;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new CliException($"the service answered {(int)response.StatusCode} with something that is not JSON: {text[..Math.Min(200, text.Length)]}", ExitCodes.Failed);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

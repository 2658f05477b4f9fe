using System.Text.Json;
using Backups.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace Backups.Service.Restores;

/// <summary>
/// <c>POST /restores</c> (a <see cref="RestoreRequestBody"/>; 202 with the request's status and its <c>Location</c>, 400
/// naming what is wrong), <c>GET /restores/{id}</c> (404 when unknown) and <c>GET /restores</c>.
/// </summary>
internal static class RestoreEndpoints
{
    private static readonly JsonSerializerOptions Read = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };
    private static readonly JsonSerializerOptions Write = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void MapRestores(this IEndpointRouteBuilder app)
    {
        app.MapPost("/restores", SubmitAsync);
        app.MapGet("/restores/{id}", (HttpContext http, string id) =>
        {
            var ticket = http.RequestServices.GetRequiredService<RestoreQueue>().Get(id);
            return ticket is null
                ? JsonAsync(http, StatusCodes.Status404NotFound, new { error = $"no restore request '{id}' (the service forgets requests when it restarts)" })
                : JsonAsync(http, StatusCodes.Status200OK, Json(ticket));
        });
        app.MapGet("/restores", http =>
            JsonAsync(http, StatusCodes.Status200OK, http.RequestServices.GetRequiredService<RestoreQueue>().All().Select(Json)));
    }

    private static async Task SubmitAsync(HttpContext http)
    {
        RestoreRequestBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<RestoreRequestBody>(http.Request.Body, Read, http.RequestAborted);
        }
        catch (JsonException e)
        {
            await JsonAsync(http, StatusCodes.Status400BadRequest, new { error = $"the body is not a restore request: {e.Message}" });
            return;
        }
        if (body is null)
        {
            await JsonAsync(http, StatusCodes.Status400BadRequest, new { error = "the body is not a restore request: null" });
            return;
        }
        try
        {
            var from = http.Connection.RemoteIpAddress?.ToString() ?? "unknown address";
            var ticket = http.RequestServices.GetRequiredService<RestoreQueue>().Submit(body, from);
            http.Response.Headers.Location = $"/restores/{ticket.Id}";
            await JsonAsync(http, StatusCodes.Status202Accepted, Json(ticket));
        }
        catch (OperationInputException e)
        {
            await JsonAsync(http, StatusCodes.Status400BadRequest, new { error = e.Message });
        }
    }

    public static object Json(RestoreTicket t) => new
    {
        id = t.Id,
        state = t.State.ToString().ToLowerInvariant(),
        requestedBy = t.RequestedBy,
        requestedAt = Format(t.RequestedAt),
        startedAt = Format(t.StartedAt),
        finishedAt = Format(t.FinishedAt),
        restore = t.What,
        target = t.Target,
        dryRun = t.DryRun,
        snapshot = t.SnapshotId,
        changes = t.Changes,
        tables = t.Tables,
        rows = t.Rows,
        error = t.Error,
    };

    private static string? Format(Instant? instant) => instant is { } i ? InstantPattern.ExtendedIso.Format(i) : null;

    private static async Task JsonAsync(HttpContext http, int status, object body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(JsonSerializer.Serialize(body, Write), http.RequestAborted);
    }
}

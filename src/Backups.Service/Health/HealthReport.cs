using System.Text.Json;
using Backups.Service.Hosting;
using Backups.Service.Restores;
using Backups.Service.Scheduling;
using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;

namespace Backups.Service.Health;

/// <summary>
/// /health: for every policy the last snapshot job's outcome on this node, the newest complete snapshot and its age,
/// and the RPO verdict. HTTP 200 while every policy is within its RPO, 503 as soon as one is stale.
/// </summary>
internal sealed class HealthReport(PolicyRegistry policies, PolicyStatusBoard board, RestoreQueue restores, ServiceClock clock)
{
    public async Task WriteAsync(HttpContext http)
    {
        var now = clock.GetCurrentInstant();
        using var buffer = new MemoryStream();
        var healthy = true;
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("checkedAt", Format(now));
            json.WriteString("startedAt", Format(board.StartedAt));
            json.WriteStartArray("policies");
            foreach (var policy in policies.All)
            {
                var status = board.Get(policy.Name);
                var verdict = RpoVerdict.Evaluate(status.Newest, policy.AllowedAge, board.StartedAt, now);
                healthy &= verdict.IsHealthy;
                WritePolicy(json, policy, status, verdict);
            }
            json.WriteEndArray();
            WriteRestores(json, restores.All());
            json.WriteString("status", healthy ? "healthy" : "unhealthy");
            json.WriteEndObject();
        }
        http.Response.StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.Body.WriteAsync(buffer.ToArray(), http.RequestAborted);
    }

    private static void WritePolicy(Utf8JsonWriter json, ScheduledPolicy policy, PolicyStatus status, RpoVerdict verdict)
    {
        json.WriteStartObject();
        json.WriteString("name", policy.Name);
        json.WriteString("schedule", policy.Policy.Schedule);
        json.WriteString("timeZone", policy.TimeZone.Id);
        WriteInstant(json, "lastSnapshotSuccess", status.LastSnapshotSuccess);
        WriteInstant(json, "lastSnapshotFailure", status.LastSnapshotFailure);
        if (status.LastFailure is { } failure && status.LastSnapshotFailure > status.LastSnapshotSuccess.GetValueOrDefault())
        {
            json.WriteString("lastFailure", failure);
        }
        if (status.Newest is { } newest)
        {
            json.WriteStartObject("newestSnapshot");
            json.WriteString("id", newest.Id);
            json.WriteString("completedAt", Format(newest.Completed));
            json.WriteNumber("ageSeconds", Math.Round(verdict.Age!.Value.TotalSeconds, 3));
            json.WriteNumber("bytes", newest.Bytes);
            json.WriteNumber("rows", newest.Rows);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("newestSnapshot");
        }
        if (status.HeldForReview is { } held)
        {
            json.WriteStartObject("retentionHeldForReview");
            json.WriteString("since", Format(held.HeldAt));
            WriteInstant(json, "until", held.Until);
            json.WriteString("terms", held.Terms.Describe());
            json.WriteStartArray("newlyExpiring");
            foreach (var id in held.NewlyExpiring)
            {
                json.WriteStringValue(id);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("retentionHeldForReview");
        }
        if (status.LastDrill is { } drill)
        {
            json.WriteStartObject("restoreDrill");
            json.WriteString("status", drill.Succeeded ? "ok" : "failed");
            json.WriteString("at", Format(drill.At));
            if (drill.SnapshotId is { } id)
            {
                json.WriteString("snapshot", id);
            }
            json.WriteNumber("tables", drill.Tables);
            json.WriteNumber("rows", drill.Rows);
            WriteInstant(json, "lastSuccess", status.LastDrillSuccess);
            if (drill.Error is { } error)
            {
                json.WriteString("error", error);
            }
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("restoreDrill");
        }
        json.WriteStartObject("rpo");
        json.WriteString("status", verdict.Status.ToString().ToLowerInvariant());
        if (verdict.Allowed is { } allowed)
        {
            json.WriteNumber("allowedSeconds", allowed.TotalSeconds);
        }
        else
        {
            json.WriteNull("allowedSeconds");
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The restore requests not yet finished, and the last one that finished.</summary>
    private static void WriteRestores(Utf8JsonWriter json, IReadOnlyList<RestoreTicket> tickets)
    {
        json.WriteStartObject("restores");
        json.WriteNumber("queued", tickets.Count(t => t.State == RestoreState.Queued));
        json.WriteStartArray("running");
        foreach (var ticket in tickets.Where(t => t.State == RestoreState.Running))
        {
            json.WriteStartObject();
            json.WriteString("id", ticket.Id);
            json.WriteString("target", ticket.Target);
            json.WriteString("requestedBy", ticket.RequestedBy);
            WriteInstant(json, "startedAt", ticket.StartedAt);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (tickets.Where(t => t.IsFinished).MaxBy(t => t.FinishedAt) is { } last)
        {
            json.WriteStartObject("last");
            json.WriteString("id", last.Id);
            json.WriteString("state", last.State.ToString().ToLowerInvariant());
            WriteInstant(json, "finishedAt", last.FinishedAt);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("last");
        }
        json.WriteEndObject();
    }

    private static void WriteInstant(Utf8JsonWriter json, string name, Instant? instant)
    {
        if (instant is { } value)
        {
            json.WriteString(name, Format(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}

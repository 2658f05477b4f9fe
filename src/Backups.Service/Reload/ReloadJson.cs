using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NodaTime.Text;

namespace Backups.Service.Reload;

/// <summary><c>POST /reload</c>: reloads the policy directory and answers what it did (200), or every error (422, nothing changed).</summary>
internal static class ReloadJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static async Task HandleAsync(HttpContext http, PolicyReloader reloader)
    {
        var result = await reloader.ReloadAsync("POST /reload", http.RequestAborted);
        http.Response.StatusCode = result.Applied ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(JsonSerializer.Serialize(Body(result), Options), http.RequestAborted);
    }

    private static object Body(ReloadResult result) => new
    {
        status = result.Applied ? "reloaded" : "rejected",
        errors = result.Errors,
        added = result.Added,
        removed = result.Removed,
        changed = result.Changed.Select(c => new
        {
            policy = c.Policy,
            fields = c.Fields.Select(f => new { field = f.Field, old = f.Old, @new = f.New }),
            retention = c.Review is { } review
                ? new
                {
                    outcome = review.Outcome.ToString(),
                    held = review.Agreement.Held is not null,
                    heldUntil = review.Agreement.Held?.Until is { } until ? InstantPattern.ExtendedIso.Format(until) : null,
                    newlyExpiring = review.NewlyExpiring,
                }
                : null,
            retentionError = c.ReviewError,
        }),
    };
}

using System.Text.Encodings.Web;
using System.Text.Json;

namespace Backups.Cli.Infrastructure;

/// <summary>JSON settings shared by every <c>--json</c> output.</summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

using System.Text.Json;

namespace Backups.IntegrationTests.Support;

/// <summary>Parses a command's <c>--json</c> output.</summary>
internal static class Json
{
    public static JsonElement Parse(CliResult result)
    {
        try
        {
            using var document = JsonDocument.Parse(result.Out);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ShouldAssertException($"the output is not JSON ({e.Message})\n{result}", e);
        }
    }

    public static IReadOnlyList<string> Ids(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
}

namespace Backups.Restore.Tests.Support;

internal static class Rows
{
    public static async IAsyncEnumerable<object?[]> Of(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}

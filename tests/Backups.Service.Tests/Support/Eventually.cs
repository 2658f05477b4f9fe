namespace Backups.Service.Tests.Support;

/// <summary>Waits for something the service does in the background.</summary>
public static class Eventually
{
    public static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:0}s waiting for {what}");
            }
            await Task.Delay(50);
        }
    }
}

namespace Backups.Service.Tests.Support;

/// <summary>Counts firings of <see cref="CountingJob"/>.</summary>
internal sealed class FireCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}

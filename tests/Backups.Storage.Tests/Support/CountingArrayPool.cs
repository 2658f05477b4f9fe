using System.Buffers;

namespace Backups.Storage.Tests.Support;

/// <summary>A real array pool that counts buffers handed out: in use now, the peak, and the total.</summary>
internal sealed class CountingArrayPool : ArrayPool<byte>
{
    private readonly ArrayPool<byte> _inner = Create();
    private int _inUse;
    private int _peak;
    private int _rented;

    public int InUse => Volatile.Read(ref _inUse);

    public int Peak => Volatile.Read(ref _peak);

    public int Rented => Volatile.Read(ref _rented);

    public override byte[] Rent(int minimumLength)
    {
        var now = Interlocked.Increment(ref _inUse);
        Interlocked.Increment(ref _rented);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }

        return _inner.Rent(minimumLength);
    }

    public override void Return(byte[] array, bool clearArray = false)
    {
        Interlocked.Decrement(ref _inUse);
        _inner.Return(array, clearArray);
    }
}

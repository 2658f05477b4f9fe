using Backups.Domain.Schema;

namespace Backups.Operations.Diff;

/// <summary>
/// Whether two canonical values of one kind are the same value as stored: exact text for text and exact numerics
/// (so a changed scale, 1.5 to 1.50, counts as a change), bits-equal floats (NaN equals NaN), byte-equal binaries,
/// timestamps to the tick.
/// </summary>
internal static class DiffValues
{
    public static bool Same(ColumnKind kind, object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return (a, b) switch
        {
            (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (DateTime x, DateTime y) => x.Ticks == y.Ticks,
            (double x, double y) => x.Equals(y) && double.IsNegative(x) == double.IsNegative(y),
            (float x, float y) => x.Equals(y) && float.IsNegative(x) == float.IsNegative(y),
            _ => kind == ColumnKind.Binary ? false : a.Equals(b),
        };
    }
}

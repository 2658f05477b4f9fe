using System.Globalization;

namespace Backups.Bench;

/// <summary>Wall-clock times of the measured iterations of one benchmark, in milliseconds.</summary>
internal sealed class Timings(IReadOnlyList<double> milliseconds)
{
    public double Min => milliseconds.Min();

    public double Median
    {
        get
        {
            var sorted = milliseconds.Order().ToArray();
            var mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    public double Max => milliseconds.Max();

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"min {Min:0.0} ms, median {Median:0.0} ms, max {Max:0.0} ms over {milliseconds.Count} iterations");
}

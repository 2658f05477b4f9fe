using System.Globalization;

namespace Backups.Bench;

/// <summary>One measured stage of <see cref="SnapshotStagesBench"/>.</summary>
internal sealed record StageResult(string Stage, double Seconds, long Rows, long Bytes, CpuSample Cpu)
{
    public static string Header =>
        $"{"stage",-34} {"seconds",8} {"rows/s",11} {"MiB",9} {"MiB/s",8} {"cpu bench",10} {"cpu pg",8} {"cpu all",8}";

    public override string ToString()
    {
        var rate = Rows > 0 && Seconds > 0 ? (Rows / Seconds).ToString("N0", CultureInfo.InvariantCulture) : "-";
        var mib = Bytes / (1024.0 * 1024);
        var mibRate = Bytes > 0 && Seconds > 0 ? (mib / Seconds).ToString("0.0", CultureInfo.InvariantCulture) : "-";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Stage,-34} {Seconds,8:0.00} {rate,11} {(Bytes > 0 ? mib.ToString("0.0", CultureInfo.InvariantCulture) : "-"),9} {mibRate,8} {Cpu.Process,9:0.00}s {Cpu.Postgres,7:0.00}s {Cpu.Machine,7:0.00}s");
    }
}

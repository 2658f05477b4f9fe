using System.Globalization;

namespace Backups.Bench;

/// <summary>
/// CPU seconds used so far: by this process, by every PostgreSQL server process (including backends that have
/// exited, through the postmaster's children times), and by the whole machine (Linux /proc; zero elsewhere).
/// </summary>
internal readonly record struct CpuSample(double Process, double Postgres, double Machine)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static CpuSample Take()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return new CpuSample(self.TotalProcessorTime.TotalSeconds, PostgresSeconds(), MachineSeconds());
    }

    public static CpuSample operator -(CpuSample a, CpuSample b) => new(a.Process - b.Process, a.Postgres - b.Postgres, a.Machine - b.Machine);

    private static double MachineSeconds()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = cpu.Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var idle = values[3] + values[4]; // idle + iowait
            return (values.Take(8).Sum() - idle) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return 0;
        }
    }

    private static double PostgresSeconds()
    {
        if (!Directory.Exists("/proc"))
        {
            return 0;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(directory);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < 0 || stat[(open + 1)..close] != "postgres")
                {
                    continue;
                }

                // Fields after the command: state is field 3; utime, stime, cutime, cstime are fields 14 to 17.
                var fields = stat[(close + 2)..].Split(' ');
                ticks += Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while being read.
            }
        }

        return ticks / TicksPerSecond;
    }
}

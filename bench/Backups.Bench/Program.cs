using NodaTime;

namespace Backups.Bench;

/// <summary>
/// Entry point: <c>Backups.Bench &lt;mode&gt; [args]</c>. A new benchmark is one more <see cref="IBenchMode"/>
/// in <see cref="Modes"/>.
/// </summary>
internal static class Program
{
#pragma warning disable RS0030 // the bench's entry point is its composition root, the one place that creates the system clock
    private static readonly IClock Clock = SystemClock.Instance;
#pragma warning restore RS0030

    private static readonly IBenchMode[] Modes =
    [
        new PlanBench(),
        new SeedVacolsPostgres(),
        new SeedVacolsSqlite(),
        new S3BucketBench(),
        new SnapshotStagesBench(Clock),
    ];

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(args.Length == 0 ? Console.Error : Console.Out);
            return args.Length == 0 ? 2 : 0;
        }

        var mode = Array.Find(Modes, m => string.Equals(m.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (mode is null)
        {
            Console.Error.WriteLine($"unknown mode '{args[0]}'");
            PrintUsage(Console.Error);
            return 2;
        }

        try
        {
            return mode.Run(args[1..], Console.Out);
        }
        catch (BenchUsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine($"usage: {mode.Usage}");
            return 2;
        }
    }

    private static void PrintUsage(TextWriter output)
    {
        output.WriteLine("usage: Backups.Bench <mode> [args]");
        foreach (var mode in Modes)
        {
            output.WriteLine($"  {mode.Usage}");
        }
    }
}

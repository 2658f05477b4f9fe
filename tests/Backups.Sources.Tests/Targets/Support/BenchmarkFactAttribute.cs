using Backups.TestFixtures.Postgres;

namespace Backups.Sources.Tests.Targets.Support;

/// <summary>A load benchmark on the real PostgreSQL server: runs only with <c>BACKUPS_TARGETS_BENCH=1</c>.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public const string EnvironmentVariable = "BACKUPS_TARGETS_BENCH";

    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) != "1")
        {
            Skip = $"a benchmark: set {EnvironmentVariable}=1 to run it";
        }
        else if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

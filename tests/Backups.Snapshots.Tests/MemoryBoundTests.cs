using Backups.Domain.Schema;
using Backups.Snapshots.Tests.Support;
using Xunit.Abstractions;

namespace Backups.Snapshots.Tests;

[CollectionDefinition(nameof(MemoryBoundTests), DisableParallelization = true)]
public sealed class MemoryBoundCollection;

[Collection(nameof(MemoryBoundTests))]
public sealed class MemoryBoundTests(ITestOutputHelper output)
{
    private const int Rows = 2_000_000;
    private const int SampleEvery = 100_000;

    [Fact]
    public async Task Writing_two_million_rows_keeps_the_live_heap_flat()
    {
        var table = Fixtures.Table(
            "public",
            "wide",
            Fixtures.Column("id", ColumnKind.Int64, nullable: false),
            Fixtures.Column("count", ColumnKind.Int32),
            Fixtures.Column("ratio", ColumnKind.Float64),
            Fixtures.Column("code", ColumnKind.Text),
            Fixtures.Column("note", ColumnKind.Text),
            Fixtures.Column("amount", ColumnKind.Decimal),
            Fixtures.Column("at", ColumnKind.TimestampTz),
            Fixtures.Column("flag", ColumnKind.Boolean),
            Fixtures.Column("ref", ColumnKind.Uuid));
        var samples = new List<long>();
        var store = new DiscardingObjectStore();
        var request = Fixtures.Request(store, [table], _ => Generate(samples)) with { RowGroupRows = 50_000, PartSizeBytes = 16L * 1024 * 1024 };

        var manifest = await new SnapshotWriter(Fixtures.Clock()).WriteAsync(request, null, CancellationToken.None);

        manifest.Tables[0].RowCount.ShouldBe(Rows);
        manifest.Tables[0].Parts.Sum(p => p.Size).ShouldBe(store.Sizes.Where(s => s.Key.EndsWith(".parquet", StringComparison.Ordinal)).Sum(s => s.Value));
        samples.Count.ShouldBe(Rows / SampleEvery);
        output.WriteLine($"live heap every {SampleEvery} rows (MB): {string.Join(", ", samples.Select(s => s >> 20))}");
        var baseline = samples[0];
        var growth = samples.Max() - baseline;
        var lateDrift = samples.Skip(samples.Count / 2).Max() - samples.Take(samples.Count / 2).Max();

        // All rows held at once would be well over 1 GB; one 50k-row group with its Parquet encoding is a few tens of MB.
        growth.ShouldBeLessThan(64L * 1024 * 1024, $"samples (MB): {string.Join(", ", samples.Select(s => s >> 20))}");
        lateDrift.ShouldBeLessThan(16L * 1024 * 1024, $"samples (MB): {string.Join(", ", samples.Select(s => s >> 20))}");
    }

    private static IEnumerable<object?[]> Generate(List<long> samples)
    {
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Rows; i++)
        {
            if (i % SampleEvery == 0)
            {
                samples.Add(GC.GetTotalMemory(forceFullCollection: true));
            }

            yield return
            [
                (long)i,
                i % 7 == 0 ? null : i % 1000,
                i / 3.0,
                $"C{i % 5000:D6}",
                i % 11 == 0 ? null : $"note for row {i} with some words",
                $"{i / 100}.{i % 100:D2}",
                start.AddTicks(i * 10_000_000L + (i % 1_000_000) * 10),
                i % 2 == 0,
                new Guid(i, (short)(i >> 16), (short)i, 1, 2, 3, 4, 5, 6, 7, (byte)i),
            ];
        }
    }
}

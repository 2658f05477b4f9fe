using Backups.Snapshots.Tests.Support;
using Parquet;

namespace Backups.Snapshots.Tests;

public sealed class MultiplePartsTests
{
    [Fact]
    public async Task A_tiny_part_size_splits_a_table_into_parts_whose_row_counts_add_up()
    {
        var store = new InMemoryObjectStore();
        var rows = Fixtures.NumbersRows(10_000).ToList();
        var request = Fixtures.Request(store, [Fixtures.NumbersTable()], _ => rows) with { RowGroupRows = 1000, PartSizeBytes = 5_000 };

        var manifest = await new SnapshotWriter(Fixtures.Clock()).WriteAsync(request, null, CancellationToken.None);

        var table = manifest.Tables.ShouldHaveSingleItem();
        table.Parts.Count.ShouldBeGreaterThan(2);
        table.RowCount.ShouldBe(10_000);
        table.Parts.Sum(p => p.RowCount).ShouldBe(10_000);
        table.Parts.Select(p => p.Key).ShouldBe(Enumerable.Range(0, table.Parts.Count).Select(i => $"snapshots/{Fixtures.Id}/tables/public.numbers/part-{i:D5}.parquet"));
        foreach (var part in table.Parts)
        {
            var content = store.Get(part.Key);
            part.Size.ShouldBe(content.Length);
            part.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
            await using var parquet = await ParquetReader.CreateAsync(new MemoryStream(content));
            parquet.Metadata!.NumRows.ShouldBe(part.RowCount);
            parquet.CustomMetadata["backups.snapshot"].ShouldBe(Fixtures.Id);
            parquet.CustomMetadata["backups.table"].ShouldBe("public.numbers");
            parquet.CustomMetadata["backups.columnKinds"].ShouldBe("int64,text,float64");
            part.RowCount.ShouldBe(1000 * parquet.RowGroupCount, "parts are cut only between row groups");
        }

        manifest.Totals.ShouldBe(new ManifestTotals(1, 10_000, table.Parts.Count, table.Parts.Sum(p => p.Size)));
        var read = await Fixtures.ReadAllAsync(new SnapshotReader(), store, manifest, table);
        ExactValues.ShouldMatch(read, rows);
        read.Sum(r => (long)r[0]!).ShouldBe(10_000L * 9_999 / 2);
    }

    [Fact]
    public async Task A_row_group_is_cut_by_its_byte_budget_before_its_row_limit()
    {
        var store = new InMemoryObjectStore();
        var rows = Fixtures.NumbersRows(3000).ToList();
        var request = Fixtures.Request(store, [Fixtures.NumbersTable()], _ => rows) with { RowGroupRows = 1_000_000, RowGroupBytes = 3_000 }; // about 30 bytes a row: 100 rows, checked every 64

        var manifest = await new SnapshotWriter(Fixtures.Clock()).WriteAsync(request, null, CancellationToken.None);

        await using var parquet = await ParquetReader.CreateAsync(new MemoryStream(store.Get(manifest.Tables[0].Parts[0].Key)));
        parquet.RowGroupCount.ShouldBeGreaterThan(10);
        parquet.RowGroups.Max(g => g.RowCount).ShouldBeLessThan(200);
        ExactValues.ShouldMatch(await Fixtures.ReadAllAsync(new SnapshotReader(), store, manifest, manifest.Tables[0]), rows);
    }

    [Fact]
    public async Task Progress_reports_rows_bytes_and_finished_tables()
    {
        var store = new InMemoryObjectStore();
        var tables = new[] { Fixtures.NumbersTable("a"), Fixtures.NumbersTable("b") };
        var reports = new List<SnapshotProgress>();
        var request = Fixtures.Request(store, tables, t => Fixtures.NumbersRows(t.Name == "a" ? 2500 : 10)) with { RowGroupRows = 1000 };

        var manifest = await new SnapshotWriter(Fixtures.Clock()).WriteAsync(request, new SynchronousProgress<SnapshotProgress>(reports.Add), CancellationToken.None);

        reports.ShouldNotBeEmpty();
        reports.ShouldAllBe(r => r.TablesTotal == 2);
        reports.Select(r => r.Rows).ShouldBeInOrder();
        reports[^1].ShouldBe(new SnapshotProgress(2, 2, 2510, reports[^1].BytesWritten, "public.b"));
        reports[^1].BytesWritten.ShouldBeGreaterThan(0);
        reports[^1].BytesWritten.ShouldBeLessThanOrEqualTo(manifest.Totals.Bytes);
        reports.Count(r => r.CurrentTable == "public.a").ShouldBe(4, "three row groups and the finished table");
    }
}

using Backups.Domain.Schema;
using Backups.Snapshots.Tests.Support;
using Backups.Storage;
using Backups.Storage.Files;

namespace Backups.Snapshots.Tests;

public sealed class RoundTripTests
{
    internal static TableSchema EveryKindTable()
    {
        var columns = new List<ColumnSchema>();
        foreach (var kind in Enum.GetValues<ColumnKind>())
        {
            columns.Add(Fixtures.Column($"{kind}_required", kind, nullable: false));
            columns.Add(Fixtures.Column($"{kind}_nullable", kind, nullable: true));
        }

        return new TableSchema("public", "every kind", columns, ["Int64_required"], [["Uuid_required", "Int32_required"]]);
    }

    /// <summary>Row i holds the i-th nasty value of each kind (cycling); the nullable copy is NULL every third row.</summary>
    internal static List<object?[]> EveryKindRows(int count)
    {
        var kinds = Enum.GetValues<ColumnKind>();
        var rows = new List<object?[]>();
        for (var i = 0; i < count; i++)
        {
            var row = new object?[kinds.Length * 2];
            for (var k = 0; k < kinds.Length; k++)
            {
                var values = NastyValues.For(kinds[k]);
                row[2 * k] = values[i % values.Count];
                row[(2 * k) + 1] = i % 3 == 1 ? null : values[(i + 1) % values.Count];
            }

            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task Every_kind_round_trips_exactly_including_nulls_and_nasty_values()
    {
        var store = new InMemoryObjectStore();
        var table = EveryKindTable();
        var rows = EveryKindRows(40);
        var request = Fixtures.Request(store, [table], _ => rows) with { RowGroupRows = 7 };

        var written = await new SnapshotWriter(Fixtures.Clock()).WriteAsync(request, null, CancellationToken.None);

        var reader = new SnapshotReader();
        var manifest = await reader.ReadManifestAsync(store, Fixtures.Id, CancellationToken.None);
        ManifestJson.Serialize(manifest).ShouldBe(ManifestJson.Serialize(written));
        var read = await Fixtures.ReadAllAsync(reader, store, manifest, manifest.Tables[0]);
        ExactValues.ShouldMatch(read, rows);
        manifest.Tables[0].ToTableSchema().Columns.ShouldBe(table.Columns);
    }

    [Fact]
    public async Task Doubles_that_compare_equal_keep_their_own_bits_even_when_repeated_many_times()
    {
        // Many repeats of few distinct values invite dictionary encoding, which must not merge 0.0 with -0.0 or NaN payloads.
        var store = new InMemoryObjectStore();
        var table = Fixtures.Table(null, "floats", Fixtures.Column("d", ColumnKind.Float64, nullable: false), Fixtures.Column("f", ColumnKind.Float32, nullable: false));
        var doubles = new[] { 0d, -0d, double.NaN, BitConverter.Int64BitsToDouble(0x7ff8_0000_0000_0001) };
        var floats = new[] { 0f, -0f, float.NaN, BitConverter.Int32BitsToSingle(0x7fc0_0001) };
        var rows = Enumerable.Range(0, 5000).Select(i => new object?[] { doubles[i % 4], floats[(i / 3) % 4] }).ToList();

        await new SnapshotWriter(Fixtures.Clock()).WriteAsync(Fixtures.Request(store, [table], _ => rows), null, CancellationToken.None);

        var reader = new SnapshotReader();
        var manifest = await reader.ReadManifestAsync(store, Fixtures.Id, CancellationToken.None);
        ExactValues.ShouldMatch(await Fixtures.ReadAllAsync(reader, store, manifest, manifest.Tables[0]), rows);
    }

    [Fact]
    public async Task An_empty_table_is_one_part_with_no_rows_and_reads_back_empty()
    {
        var store = new InMemoryObjectStore();
        var table = EveryKindTable();

        var manifest = await new SnapshotWriter(Fixtures.Clock()).WriteAsync(Fixtures.Request(store, [table], _ => []), null, CancellationToken.None);

        manifest.Tables[0].RowCount.ShouldBe(0);
        manifest.Tables[0].Parts.Count.ShouldBe(1);
        manifest.Tables[0].Parts[0].RowCount.ShouldBe(0);
        (await Fixtures.ReadAllAsync(new SnapshotReader(), store, manifest, manifest.Tables[0])).ShouldBeEmpty();
        (await new SnapshotVerifier().VerifyAsync(store, Fixtures.Id, null, CancellationToken.None)).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_snapshot_in_a_local_directory_store_round_trips_and_verifies()
    {
        using var directory = new TempDirectory();
        var store = new FileObjectStore(Path.Combine(directory.Path, "store"));
        var tables = new[] { EveryKindTable(), Fixtures.NumbersTable() };
        var everyKind = EveryKindRows(25);
        var numbers = Fixtures.NumbersRows(1000).ToList();
        var request = Fixtures.Request(store, tables, t => t.Name == "numbers" ? numbers : everyKind) with
        {
            Parallelism = 2,
            RowGroupRows = 100,
            PartSizeBytes = 1,
            TempDirectory = directory.Path,
        };

        await new SnapshotWriter(Fixtures.Clock()).WriteAsync(request, null, CancellationToken.None);

        var reader = new SnapshotReader(directory.Path);
        var manifest = await reader.ReadManifestAsync(store, Fixtures.Id, CancellationToken.None);
        ExactValues.ShouldMatch(await Fixtures.ReadAllAsync(reader, store, manifest, manifest.Tables[0]), everyKind);
        ExactValues.ShouldMatch(await Fixtures.ReadAllAsync(reader, store, manifest, manifest.Tables[1]), numbers);
        manifest.Tables[1].Parts.Count.ShouldBe(10);
        (await new SnapshotVerifier(directory.Path).VerifyAsync(store, Fixtures.Id, null, CancellationToken.None)).Problems.ShouldBeEmpty();
        (await ListAsync(reader.ListSnapshotIdsAsync(store, CancellationToken.None))).ShouldBe([Fixtures.Id]);
        Directory.GetFileSystemEntries(directory.Path).ShouldBe([Path.Combine(directory.Path, "store")], "temporary files are cleaned up");
    }

    [Fact]
    public async Task Unusual_table_names_are_escaped_into_keys_and_read_back_under_their_exact_names()
    {
        var store = new InMemoryObjectStore();
        var tables = new[]
        {
            Fixtures.Table("a.b", "c", Fixtures.Column("x", ColumnKind.Int32)),
            Fixtures.Table("a", "b.c", Fixtures.Column("x", ColumnKind.Int32)),
            Fixtures.Table("Sales", "Order Lines/2024 ü%", Fixtures.Column("x.y", ColumnKind.Int32)),
            Fixtures.Table("sales", "order lines/2024 ü%", Fixtures.Column("x", ColumnKind.Int32)),
            Fixtures.Table(null, "..", Fixtures.Column("x", ColumnKind.Int32)),
        };

        var manifest = await new SnapshotWriter(Fixtures.Clock())
            .WriteAsync(Fixtures.Request(store, tables, t => [[t.Name.Length]]), null, CancellationToken.None);

        var directories = manifest.Tables.Select(t => t.Parts[0].Key.Split('/')[3]).ToList();
        directories.ShouldBe(["a%2Eb.c", "a.b%2Ec", "Sales.Order%20Lines%2F2024%20%C3%BC%25", "sales.order%20lines%2F2024%20%C3%BC%25~2", "%2E%2E"]);
        var reader = new SnapshotReader();
        var read = await reader.ReadManifestAsync(store, Fixtures.Id, CancellationToken.None);
        foreach (var table in tables)
        {
            var entry = read.FindTable(table.Schema, table.Name).ShouldNotBeNull();
            (await Fixtures.ReadAllAsync(reader, store, read, entry)).Single().ShouldBe([table.Name.Length]);
        }
    }

    internal static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

using Backups.Domain.Schema;
using Backups.Snapshots.Tests.Support;

namespace Backups.Snapshots.Tests;

public sealed class WriterAtomicityTests
{
    [Fact]
    public async Task The_manifest_is_the_last_object_written_right_after_its_checksum()
    {
        var store = new InMemoryObjectStore();
        var tables = new[] { Fixtures.NumbersTable("a"), Fixtures.NumbersTable("b"), Fixtures.NumbersTable("c") };
        var request = Fixtures.Request(store, tables, _ => Fixtures.NumbersRows(3000)) with { Parallelism = 3, RowGroupRows = 500, PartSizeBytes = 5000 };

        await new SnapshotWriter(Fixtures.Clock()).WriteAsync(request, null, CancellationToken.None);

        var log = store.Log;
        log.Count.ShouldBeGreaterThan(6);
        log.ShouldAllBe(entry => entry.StartsWith("put ", StringComparison.Ordinal));
        log[^1].ShouldBe($"put snapshots/{Fixtures.Id}/manifest.json");
        log[^2].ShouldBe($"put snapshots/{Fixtures.Id}/manifest.json.sha256");
        log.Count(e => e.EndsWith(".parquet", StringComparison.Ordinal)).ShouldBe(log.Count - 2);
    }

    [Fact]
    public async Task A_table_failing_midway_leaves_no_manifest_nothing_listed_and_its_uploads_deleted()
    {
        var store = new InMemoryObjectStore();
        var tables = new[] { Fixtures.NumbersTable("good"), Fixtures.NumbersTable("bad") };
        var request = Fixtures.Request(store, tables, _ => []) with
        {
            Parallelism = 2,
            RowGroupRows = 100,
            PartSizeBytes = 1,
            ReadRows = (table, ct) => table.Name == "bad" ? FailAfter(2500, ct) : Fixtures.Async(Fixtures.NumbersRows(1000)),
        };

        var error = await Should.ThrowAsync<InvalidOperationException>(
            () => new SnapshotWriter(Fixtures.Clock()).WriteAsync(request, null, CancellationToken.None));

        error.Message.ShouldBe("the source connection dropped");
        store.Log.ShouldContain(e => e.StartsWith("put ", StringComparison.Ordinal) && e.Contains("/public.bad/", StringComparison.Ordinal), "parts were uploaded before the failure");
        store.Log.ShouldNotContain($"put snapshots/{Fixtures.Id}/manifest.json");
        store.Keys.ShouldBeEmpty();
        var reader = new SnapshotReader();
        (await RoundTripTests.ListAsync(reader.ListSnapshotIdsAsync(store, CancellationToken.None))).ShouldBeEmpty();
        await Should.ThrowAsync<Backups.Storage.ObjectNotFoundException>(() => reader.ReadManifestAsync(store, Fixtures.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_failure_with_a_store_that_cannot_delete_leaves_an_incomplete_snapshot_for_gc()
    {
        var store = new InMemoryObjectStore();
        var request = Fixtures.Request(new WriteOnlyStore(store), [Fixtures.NumbersTable()], _ => []) with
        {
            RowGroupRows = 100,
            PartSizeBytes = 1,
            ReadRows = (_, ct) => FailAfter(350, ct),
        };

        await Should.ThrowAsync<InvalidOperationException>(() => new SnapshotWriter(Fixtures.Clock()).WriteAsync(request, null, CancellationToken.None));

        var reader = new SnapshotReader();
        (await RoundTripTests.ListAsync(reader.ListSnapshotIdsAsync(store, CancellationToken.None))).ShouldBeEmpty();
        var incomplete = (await RoundTripTests.ListAsync(reader.ListIncompleteAsync(store, CancellationToken.None))).ShouldHaveSingleItem();
        incomplete.Id.ShouldBe(Fixtures.Id);
        incomplete.Objects.Select(o => o.Key).ShouldBe([.. store.Keys]);
        incomplete.Objects.ShouldNotBeEmpty("parts were uploaded before the failure");
        incomplete.TotalBytes.ShouldBe(store.Keys.Sum(k => (long)store.Get(k).Length));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_fails_the_snapshot_naming_table_row_and_column()
    {
        var store = new InMemoryObjectStore();
        var table = Fixtures.Table("public", "t", Fixtures.Column("id", ColumnKind.Int64, nullable: false), Fixtures.Column("at", ColumnKind.TimestampTz));
        var rows = new[]
        {
            new object?[] { 1L, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
            [2L, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Local)],
        };

        var error = await Should.ThrowAsync<InvalidDataException>(
            () => new SnapshotWriter(Fixtures.Clock()).WriteAsync(Fixtures.Request(store, [table], _ => rows), null, CancellationToken.None));

        error.Message.ShouldContain("public.t");
        error.Message.ShouldContain("row 2");
        error.Message.ShouldContain("'at'");
        error.Message.ShouldContain("kind Utc");
        store.Keys.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ColumnKind.Int64, 1)]
    [InlineData(ColumnKind.Int16, 1)]
    [InlineData(ColumnKind.Decimal, 1.5)]
    [InlineData(ColumnKind.Text, null)]
    public async Task Values_that_are_not_canonical_or_break_not_null_are_refused(ColumnKind kind, object? value)
    {
        var store = new InMemoryObjectStore();
        var table = Fixtures.Table(null, "t", Fixtures.Column("c", kind, nullable: false));

        await Should.ThrowAsync<InvalidDataException>(
            () => new SnapshotWriter(Fixtures.Clock()).WriteAsync(Fixtures.Request(store, [table], _ => [[value]]), null, CancellationToken.None));

        store.Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task Values_that_would_lose_precision_or_characters_are_refused()
    {
        var cases = new (ColumnKind Kind, object Value, string Message)[]
        {
            (ColumnKind.Timestamp, new DateTime(2024, 1, 1).AddTicks(1), "sub-microsecond"),
            (ColumnKind.Time, new TimeOnly(1), "sub-microsecond"),
            (ColumnKind.Text, "broken \uD800 surrogate", "unpaired surrogate"),
        };
        foreach (var (kind, value, message) in cases)
        {
            var store = new InMemoryObjectStore();
            var table = Fixtures.Table(null, "t", Fixtures.Column("c", kind));
            var error = await Should.ThrowAsync<InvalidDataException>(
                () => new SnapshotWriter(Fixtures.Clock()).WriteAsync(Fixtures.Request(store, [table], _ => [[value]]), null, CancellationToken.None));
            error.Message.ShouldContain(message);
        }
    }

    [Fact]
    public async Task Cancellation_stops_the_write_without_a_manifest()
    {
        var store = new InMemoryObjectStore();
        using var cancel = new CancellationTokenSource();
        var request = Fixtures.Request(store, [Fixtures.NumbersTable()], _ => []) with
        {
            RowGroupRows = 100,
            PartSizeBytes = 1,
            ReadRows = (_, ct) => CancelAfter(cancel, 450, ct),
        };

        await Should.ThrowAsync<OperationCanceledException>(() => new SnapshotWriter(Fixtures.Clock()).WriteAsync(request, null, cancel.Token));

        store.Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_request_listing_a_table_twice_or_with_a_bad_id_is_refused_before_anything_is_written()
    {
        var store = new InMemoryObjectStore();
        var writer = new SnapshotWriter(Fixtures.Clock());

        await Should.ThrowAsync<ArgumentException>(() => writer.WriteAsync(
            Fixtures.Request(store, [Fixtures.NumbersTable(), Fixtures.NumbersTable()], _ => []), null, CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => writer.WriteAsync(
            Fixtures.Request(store, [Fixtures.NumbersTable()], _ => [], id: "../escape"), null, CancellationToken.None));

        store.Log.ShouldBeEmpty();
    }

    private static async IAsyncEnumerable<object?[]> FailAfter(int rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var row in Fixtures.NumbersRows(rows))
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return row;
        }

        throw new InvalidOperationException("the source connection dropped");
    }

    private static async IAsyncEnumerable<object?[]> CancelAfter(CancellationTokenSource cancel, int rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var row in Fixtures.NumbersRows(long.MaxValue))
        {
            if (--rows == 0)
            {
                await cancel.CancelAsync();
            }

            ct.ThrowIfCancellationRequested();
            yield return row;
        }
    }
}

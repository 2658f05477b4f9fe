using Backups.Domain.Schema;
using Backups.Snapshots;
using Backups.Storage;
using NodaTime;
using NodaTime.Testing;

namespace Backups.Restore.Tests.Support;

/// <summary>Writes real snapshots of in-memory tables into a directory store, started at chosen instants (no database needed).</summary>
internal static class StoreBuilder
{
    public static readonly SourceIdentity Identity = new("postgres", "db.example:5432", "app", "7000000000000000001", "15.0");

    public static async Task<Manifest> WriteAsync(string directory, Instant startedAt, params (TableSchema Table, IReadOnlyList<object?[]> Rows)[] tables)
    {
        var store = ObjectStoreFactory.Open(directory);
        var clock = new FakeClock(startedAt);
        var rows = tables.ToDictionary(t => t.Table.QualifiedName, t => t.Rows);
        return await new SnapshotWriter(clock).WriteAsync(new SnapshotWriteRequest
        {
            Store = store,
            SnapshotId = SnapshotId.New(startedAt, Random.Shared),
            PolicyName = "test",
            Source = Identity,
            Tables = [.. tables.Select(t => t.Table)],
            ReadRows = (table, _) => Rows.Of(rows[table.QualifiedName]),
        }, null, CancellationToken.None);
    }

    /// <summary>A table <c>app.accounts</c>: id bigint key, amount numeric(12,2), note text, opened date.</summary>
    public static TableSchema Accounts { get; } = new(
        "app",
        "accounts",
        [
            new ColumnSchema("id", "bigint", ColumnKind.Int64, false),
            new ColumnSchema("amount", "numeric(12,2)", ColumnKind.Decimal, true, 12, 2),
            new ColumnSchema("note", "text", ColumnKind.Text, true),
            new ColumnSchema("opened", "date", ColumnKind.Date, true),
            new ColumnSchema("big", "numeric", ColumnKind.Decimal, true),
        ],
        ["id"],
        []);

    public static IReadOnlyList<object?[]> AccountRows(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new object?[]
        {
            (long)i,
            $"{i}.{i % 100:D2}",
            i % 3 == 0 ? null : $"note {i}, \"quoted\"",
            new DateOnly(2024, 1, 1).AddDays(i),
            "123456789012345678901234567890123456789012.5",
        })];
}

using Backups.Domain.Schema;
using Backups.Storage;
using NodaTime;
using NodaTime.Testing;

namespace Backups.Snapshots.Tests.Support;

/// <summary>Schemas, ids and requests shared by the tests.</summary>
internal static class Fixtures
{
    public const string Id = "20240501T120000Z-0a1b2c3d";

    public static readonly Instant Start = Instant.FromUtc(2024, 5, 1, 12, 0, 0);

    public static readonly SourceIdentity Source = new("postgres", "127.0.0.1:5432", "vacols", "7301234567890123456", "15.6");

    public static FakeClock Clock() => new(Start, Duration.FromSeconds(1));

    public static ColumnSchema Column(string name, ColumnKind kind, bool nullable = true) =>
        new(name, SourceTypes.For(kind), kind, nullable);

    public static TableSchema Table(string? schema, string name, params ColumnSchema[] columns) =>
        new(schema, name, columns, [columns[0].Name], []);

    /// <summary>A table of a long id, a text and a nullable double; row i is (i, "row i", i / 2.0 or null every 5th).</summary>
    public static TableSchema NumbersTable(string name = "numbers") =>
        Table("public", name, Column("id", ColumnKind.Int64, nullable: false), Column("label", ColumnKind.Text), Column("half", ColumnKind.Float64));

    public static IEnumerable<object?[]> NumbersRows(long count)
    {
        for (long i = 0; i < count; i++)
        {
            yield return [i, $"row {i}", i % 5 == 0 ? null : i / 2.0];
        }
    }

    public static async IAsyncEnumerable<object?[]> Async(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            await Task.CompletedTask;
            yield return row;
        }
    }

    public static SnapshotWriteRequest Request(
        IObjectWriter store, IReadOnlyList<TableSchema> tables, Func<TableSchema, IEnumerable<object?[]>> rows, string id = Id) => new()
    {
        Store = store,
        SnapshotId = id,
        PolicyName = "vacols",
        Source = Source,
        ConsistencyPoint = new Dictionary<string, string> { ["snapshot"] = "00000003-0000001B-1", ["lsn"] = "0/16B3748" },
        Labels = new Dictionary<string, string> { ["trigger"] = "test" },
        Tables = tables,
        ReadRows = (table, _) => Async(rows(table)),
        ToolVersion = "test",
    };

    public static async Task<List<object?[]>> ReadAllAsync(SnapshotReader reader, IObjectReader store, Manifest manifest, ManifestTable table)
    {
        var rows = new List<object?[]>();
        await foreach (var row in reader.ReadRowsAsync(store, manifest, table))
        {
            rows.Add(row);
        }

        return rows;
    }
}

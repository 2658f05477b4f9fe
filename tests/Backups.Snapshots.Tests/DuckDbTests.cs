using Backups.Domain.Schema;
using Backups.Snapshots.Tests.Support;
using Backups.Storage.Files;
using DuckDB.NET.Data;

namespace Backups.Snapshots.Tests;

/// <summary>Snapshots are readable without this library: DuckDB sees the documented types and the exact values.</summary>
public sealed class DuckDbTests
{
    private static readonly Dictionary<ColumnKind, string> DuckDbTypes = new()
    {
        [ColumnKind.Boolean] = "BOOLEAN",
        [ColumnKind.Int16] = "SMALLINT",
        [ColumnKind.Int32] = "INTEGER",
        [ColumnKind.Int64] = "BIGINT",
        [ColumnKind.Float32] = "FLOAT",
        [ColumnKind.Float64] = "DOUBLE",
        [ColumnKind.Decimal] = "VARCHAR",
        [ColumnKind.Text] = "VARCHAR",
        [ColumnKind.Binary] = "BLOB",
        [ColumnKind.Date] = "DATE",
        [ColumnKind.Time] = "TIME",
        [ColumnKind.Timestamp] = "TIMESTAMP",
        [ColumnKind.TimestampTz] = "TIMESTAMP WITH TIME ZONE",
        [ColumnKind.Uuid] = "UUID",
        [ColumnKind.Json] = "VARCHAR",
        [ColumnKind.DialectText] = "VARCHAR",
    };

    [Fact]
    public async Task DuckDB_reads_every_kind_with_the_documented_type_and_the_exact_value()
    {
        using var directory = new TempDirectory();
        var root = Path.Combine(directory.Path, "store");
        var table = RoundTripTests.EveryKindTable();
        var rows = RoundTripTests.EveryKindRows(30);
        var manifest = await new SnapshotWriter(Fixtures.Clock()).WriteAsync(
            Fixtures.Request(new FileObjectStore(root), [table], _ => rows) with { RowGroupRows = 8, PartSizeBytes = 1 }, null, CancellationToken.None);
        manifest.Tables[0].Parts.Count.ShouldBe(4);
        var glob = $"{root}/snapshots/{Fixtures.Id}/tables/{SnapshotKeys.TableDirectory(table.Schema, table.Name)}/part-*.parquet";
        var source = $"read_parquet('{glob}', filename = true, file_row_number = true)";

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "SET TimeZone = 'UTC'");

        var types = Query(connection, $"DESCRIBE SELECT * EXCLUDE (filename, file_row_number) FROM {source}")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        foreach (var column in table.Columns)
        {
            types[column.Name].ShouldBe(DuckDbTypes[column.Kind], column.Name);
        }

        var read = Query(connection, $"SELECT * EXCLUDE (filename, file_row_number) FROM {source} ORDER BY filename, file_row_number");
        read.Count.ShouldBe(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var expected = rows[r][c];
                var actual = FromDuckDb(read[r][c], table.Columns[c].Kind);
                if (!SameForDuckDb(expected, actual))
                {
                    throw new ShouldAssertException(
                        $"row {r}, column {table.Columns[c].Name}: expected {ExactValues.Describe(expected)}, DuckDB gave {ExactValues.Describe(actual)}");
                }
            }
        }

        Query(connection, $"SELECT CAST('-12.3400' AS DECIMAL(10, 4)) = (SELECT CAST(Decimal_required AS DECIMAL(10, 4)) FROM {source} WHERE Decimal_required = '-12.3400' LIMIT 1)")
            .Single()[0].ShouldBe(true);
    }

    private static object? FromDuckDb(object? value, ColumnKind kind) => (value, kind) switch
    {
        (null or DBNull, _) => null,
        (Stream stream, ColumnKind.Binary) => ReadAll(stream),
        (DateTime time, ColumnKind.Timestamp) => DateTime.SpecifyKind(time, DateTimeKind.Unspecified),
        (DateTime time, ColumnKind.TimestampTz) => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        (DateTimeOffset time, ColumnKind.TimestampTz) => time.UtcDateTime,
        _ => value,
    };

    /// <summary>Exact, except that DuckDB may canonicalize NaN payloads (this library's reader keeps them).</summary>
    private static bool SameForDuckDb(object? expected, object? actual) => (expected, actual) switch
    {
        (double x, double y) when double.IsNaN(x) => double.IsNaN(y),
        (float x, float y) when float.IsNaN(x) => float.IsNaN(y),
        _ => ExactValues.Same(expected, actual),
    };

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<object?[]> Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}

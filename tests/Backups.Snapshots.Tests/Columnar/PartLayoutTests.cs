using Backups.Domain.Schema;
using Backups.Snapshots.Tests.Support;
using Backups.Storage.Files;
using DuckDB.NET.Data;

namespace Backups.Snapshots.Tests.Columnar;

/// <summary>How parts are laid out, as another reader (DuckDB's <c>parquet_metadata</c>) sees them.</summary>
public sealed class PartLayoutTests
{
    private static readonly TableSchema Table = Fixtures.Table(
        "public",
        "layout",
        Fixtures.Column("id", ColumnKind.Int64, nullable: false),
        Fixtures.Column("status", ColumnKind.Text),
        Fixtures.Column("code", ColumnKind.Text, nullable: false),
        Fixtures.Column("at", ColumnKind.TimestampTz),
        Fixtures.Column("score", ColumnKind.Int32));

    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Repetitive_text_is_dictionary_encoded_and_unique_text_is_plain()
    {
        var metadata = await WriteAndDescribeAsync(5000);

        metadata["status"].Encodings.ShouldContain("RLE_DICTIONARY");
        metadata["code"].Encodings.ShouldNotContain("RLE_DICTIONARY");
        metadata["code"].Encodings.ShouldContain("PLAIN");
        metadata.Values.ShouldAllBe(c => c.Compression == "ZSTD");
    }

    [Fact]
    public async Task Column_chunks_carry_min_max_and_null_count_statistics()
    {
        var metadata = await WriteAndDescribeAsync(5000);

        (metadata["id"].Min, metadata["id"].Max, metadata["id"].Nulls).ShouldBe(("0", "4999", 0L));
        (metadata["score"].Min, metadata["score"].Max, metadata["score"].Nulls).ShouldBe(("-499", "499", 1000L));
        (metadata["status"].Min, metadata["status"].Max, metadata["status"].Nulls).ShouldBe(("closed", "pending", 1250L));
        metadata["at"].Nulls.ShouldBe(0L);
        metadata["at"].Min.ShouldStartWith("2024-01-01 00:00:00");
    }

    [Fact]
    public void A_reader_that_skips_a_column_value_is_caught_before_anything_is_written()
    {
        var columns = Table.Columns.Select(ManifestColumn.From).ToArray();
        var batch = new Writing.RowBatch(columns, 1000, long.MaxValue);
        void Row(int row)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                if (c != 2 || row != 10)
                {
                    Writing.ObjectValues.Append(batch.Column(c), columns[c].Kind, Value(c, row));
                }
            }
        }

        for (var row = 0; row < 63; row++)
        {
            Row(row);
            batch.EndRow();
        }

        Row(63);
        Should.Throw<InvalidOperationException>(() => batch.EndRow()).Message.ShouldContain("column 'code' holds 63 values");
    }

    private static object? Value(int column, int row) => column switch
    {
        0 => (long)row,
        1 => (row % 4) switch { 0 => null, 1 => "open", 2 => "closed", _ => "pending" },
        2 => $"C-{row:D6}-{row * 7919 % 100_003:D6}",
        3 => Start.AddSeconds(row),
        _ => row % 5 == 0 ? null : (row % 1000) - 500,
    };

    private static async Task<Dictionary<string, ChunkMetadata>> WriteAndDescribeAsync(int rows)
    {
        using var directory = new TempDirectory();
        var root = Path.Combine(directory.Path, "store");
        var data = Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, Table.Columns.Count).Select(c => Value(c, r)).ToArray()).ToList();
        var manifest = await new SnapshotWriter(Fixtures.Clock()).WriteAsync(Fixtures.Request(new FileObjectStore(root), [Table], _ => data), null, CancellationToken.None);
        var file = Path.Combine(root, manifest.Tables[0].Parts.ShouldHaveSingleItem().Key);

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT path_in_schema, encodings, compression, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata('{file}')";
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, ChunkMetadata>();
        while (reader.Read())
        {
            result[reader.GetString(0)] = new ChunkMetadata(
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5));
        }

        return result;
    }

    private sealed record ChunkMetadata(string Encodings, string Compression, string? Min, string? Max, long? Nulls);
}

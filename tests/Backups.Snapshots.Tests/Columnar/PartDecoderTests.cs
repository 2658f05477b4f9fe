using System.Text;
using Backups.Domain.Schema;
using Backups.Snapshots.Tests.Support;
using Backups.Storage.Files;
using Parquet;
using Parquet.Schema;

namespace Backups.Snapshots.Tests.Columnar;

/// <summary>The bulk read of parts: decoded row groups hold exactly what was written, in storage form.</summary>
public sealed class PartDecoderTests
{
    [Fact]
    public async Task Decoded_row_groups_hold_every_kind_exactly_as_written_nulls_included()
    {
        using var directory = new TempDirectory();
        var root = Path.Combine(directory.Path, "store");
        var table = RoundTripTests.EveryKindTable();
        var rows = RoundTripTests.EveryKindRows(500);
        var manifest = await new SnapshotWriter(Fixtures.Clock()).WriteAsync(
            Fixtures.Request(new FileObjectStore(root), [table], _ => rows) with { RowGroupRows = 64, PartSizeBytes = 8 * 1024 }, null, CancellationToken.None);
        var written = manifest.Tables[0];
        written.Parts.Count.ShouldBeGreaterThan(1);
        string PathOf(string key) => Path.Combine(root, key);

        LocalPartBatches.CanRead(written, PathOf).ShouldBeTrue();
        var decoded = new List<object?[]>();
        var batches = 0;
        await foreach (var batch in LocalPartBatches.ReadAsync(written, PathOf, CancellationToken.None))
        {
            batches++;
            decoded.AddRange(Canonical(table, batch));
        }

        batches.ShouldBeGreaterThan(rows.Count / 64);
        ExactValues.ShouldMatch(decoded, rows);
    }

    [Fact]
    public async Task A_part_written_by_another_Parquet_writer_is_left_to_the_row_reader()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "other.parquet");
        var field = new DataField<long>("id", false);
        await using (var file = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), file))
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync<long>(field, new long[] { 1, 2, 3 }.AsMemory(), null, null, CancellationToken.None);
        }

        var column = new ManifestColumn("id", "bigint", ColumnKind.Int64, false);
        var table = new ManifestTable("public", "other", [column], [], [], 3, [new ManifestPart("k", new FileInfo(path).Length, "", 3)]);

        LocalPartBatches.CanRead(table, _ => path).ShouldBeFalse();
    }

    /// <summary>Storage form back to canonical CLR values, written from <see cref="IColumnValues"/>'s description.</summary>
    private static IEnumerable<object?[]> Canonical(TableSchema table, IColumnarBatch batch)
    {
        var fixedIndex = new int[table.Columns.Count];
        var valueIndex = new int[table.Columns.Count];
        for (var r = 0; r < batch.RowCount; r++)
        {
            var row = new object?[table.Columns.Count];
            for (var c = 0; c < row.Length; c++)
            {
                var column = batch.Column(c);
                if (!column.Levels.IsEmpty && column.Levels[r] == 0)
                {
                    continue;
                }

                var kind = table.Columns[c].Kind;
                if (kind is ColumnKind.Text or ColumnKind.Json or ColumnKind.Decimal or ColumnKind.DialectText or ColumnKind.Binary)
                {
                    var i = valueIndex[c]++;
                    var start = i == 0 ? 0 : column.Ends[i - 1];
                    var bytes = column.Data[start..column.Ends[i]];
                    row[c] = kind == ColumnKind.Binary ? bytes.ToArray() : Encoding.UTF8.GetString(bytes);
                    continue;
                }

                var size = kind switch
                {
                    ColumnKind.Boolean => 1,
                    ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Date or ColumnKind.Float32 => 4,
                    ColumnKind.Uuid => 16,
                    _ => 8,
                };
                var value = column.FixedValues.Slice(size * fixedIndex[c]++, size);
                row[c] = kind switch
                {
                    ColumnKind.Boolean => value[0] != 0,
                    ColumnKind.Int16 => (short)BitConverter.ToInt32(value),
                    ColumnKind.Int32 => BitConverter.ToInt32(value),
                    ColumnKind.Date => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + BitConverter.ToInt32(value)),
                    ColumnKind.Float32 => BitConverter.ToSingle(value),
                    ColumnKind.Float64 => BitConverter.ToDouble(value),
                    ColumnKind.Int64 => BitConverter.ToInt64(value),
                    ColumnKind.Time => new TimeOnly(BitConverter.ToInt64(value) * TimeSpan.TicksPerMicrosecond),
                    ColumnKind.Timestamp => new DateTime(DateTime.UnixEpoch.Ticks + (BitConverter.ToInt64(value) * TimeSpan.TicksPerMicrosecond), DateTimeKind.Unspecified),
                    ColumnKind.TimestampTz => new DateTime(DateTime.UnixEpoch.Ticks + (BitConverter.ToInt64(value) * TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc),
                    ColumnKind.Uuid => new Guid(value, bigEndian: true),
                    _ => throw new ArgumentOutOfRangeException(nameof(table), kind, null),
                };
            }

            yield return row;
        }
    }
}

using System.Diagnostics;
using System.IO.Compression;
using Backups.Domain.Schema;
using Backups.Snapshots;
using Backups.Snapshots.Writing;
using Backups.Sources;
using Parquet;

namespace Backups.Bench;

/// <summary>
/// Where the writer's time goes between the source and the part file: rows through the snapshot's column
/// buffers only (type checks, conversions), then the same buffers encoded by Parquet.Net into a stream that keeps
/// nothing, with each compression choice. Rows are read again from the source for every variant, so each
/// figure includes the plain source read (its own stage).
/// </summary>
internal static class ParquetEncodeProbe
{
    /// <summary>The variants: a label and the Parquet options, or null for "buffers only".</summary>
    public static IReadOnlyList<(string Label, ParquetOptions? Options)> Variants { get; } =
    [
        ("read + column buffers, no Parquet", null),
        ("read + Parquet uncompressed", new ParquetOptions { CompressionMethod = CompressionMethod.None }),
        ("read + Parquet snappy", new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }),
        ("read + Parquet zstd Fastest", new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = CompressionLevel.Fastest }),
        ("read + Parquet zstd Optimal", new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = CompressionLevel.Optimal }),
        ("read + Parquet zstd SmallestSize", new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = CompressionLevel.SmallestSize }),
        ("read + Parquet zstd Optimal, 1 MiB pools", new ParquetOptions
        {
            CompressionMethod = CompressionMethod.Zstd,
            CompressionLevel = CompressionLevel.Optimal,
            MaximumSmallPoolFreeBytes = 1024 * 1024,
            MaximumLargePoolFreeBytes = 1024 * 1024,
        }),
        ("read + Parquet zstd Optimal, dict sample 1k", new ParquetOptions
        {
            CompressionMethod = CompressionMethod.Zstd,
            CompressionLevel = CompressionLevel.Optimal,
            DictionaryEncodingSampleSize = 1000,
        }),
        ("read + Parquet zstd Optimal, no dictionary", new ParquetOptions
        {
            CompressionMethod = CompressionMethod.Zstd,
            CompressionLevel = CompressionLevel.Optimal,
            DictionaryEncodingThreshold = 0,
            DictionaryEncodingSampleSize = 1,
        }),
    ];

    public static async Task<StageResult> RunAsync(
        ISourceSession session, string label, ParquetOptions? options, int parallelism, (int Rows, long Bytes) rowGroup, CancellationToken ct)
    {
        GC.Collect();
        var before = CpuSample.Take();
        var watch = Stopwatch.StartNew();
        long rows = 0, bytes = 0;
        await Parallel.ForEachAsync(session.Tables, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (table, token) =>
        {
            var (r, b) = await EncodeAsync(session, table, options, rowGroup, token);
            Interlocked.Add(ref rows, r);
            Interlocked.Add(ref bytes, b);
        });
        return new StageResult(label, watch.Elapsed.TotalSeconds, rows, bytes, CpuSample.Take() - before);
    }

    private static async Task<(long Rows, long Bytes)> EncodeAsync(
        ISourceSession session, TableSchema table, ParquetOptions? options, (int Rows, long Bytes) rowGroup, CancellationToken ct)
    {
        var buffers = table.Columns.Select(c => ColumnBuffer.Create(ManifestColumn.From(c), rowGroup.Rows)).ToArray();
        await using var output = new CountingStream();
        ParquetWriter? writer = options is null
            ? null
            : await ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(buffers.Select(b => b.Field)), output, options, append: false, ct);
        long rows = 0;
        var pending = 0;
        long pendingBytes = 0;
        try
        {
            await foreach (var row in session.ReadRowsAsync(table, ct))
            {
                for (var i = 0; i < buffers.Length; i++)
                {
                    pendingBytes += buffers[i].Add(row[i]);
                }

                rows++;
                if (++pending >= rowGroup.Rows || pendingBytes >= rowGroup.Bytes)
                {
                    await FlushAsync(writer, buffers, ct);
                    pending = 0;
                    pendingBytes = 0;
                }
            }

            if (pending > 0)
            {
                await FlushAsync(writer, buffers, ct);
            }
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
            }
        }

        return (rows, output.Length);
    }

    private static async Task FlushAsync(ParquetWriter? writer, ColumnBuffer[] buffers, CancellationToken ct)
    {
        if (writer is not null)
        {
            using var rowGroup = writer.CreateRowGroup();
            foreach (var buffer in buffers)
            {
                await buffer.WriteAsync(rowGroup, ct);
            }

            rowGroup.CompleteValidate();
        }

        foreach (var buffer in buffers)
        {
            buffer.Clear();
        }
    }
}

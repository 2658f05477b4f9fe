using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Backups.Sources.Sqlite;

/// <summary>Describes the point in time an SQLite read transaction sees, from the pragmas and the file header.</summary>
internal static class SqliteConsistency
{
    public static IReadOnlyDictionary<string, string> Capture(SqliteConnection connection, string path)
    {
        var point = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["schema-version"] = SqliteSource.Scalar(connection, "PRAGMA schema_version"),
            ["page-count"] = SqliteSource.Scalar(connection, "PRAGMA page_count"),
            ["journal-mode"] = SqliteSource.Scalar(connection, "PRAGMA journal_mode"),
        };

        var file = new FileInfo(path);
        point["file-size"] = file.Length.ToString(CultureInfo.InvariantCulture);
        point["file-mtime-utc"] = file.LastWriteTimeUtc.ToString("O", CultureInfo.InvariantCulture);
        // Offset 24 of the header: the file change counter, bumped by every commit in rollback-journal mode.
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            Span<byte> header = stackalloc byte[28];
            stream.ReadExactly(header);
            point["file-change-counter"] = BinaryPrimitives.ReadUInt32BigEndian(header[24..]).ToString(CultureInfo.InvariantCulture);
        }

        var wal = new FileInfo(path + "-wal");
        if (wal.Exists)
        {
            point["wal-size"] = wal.Length.ToString(CultureInfo.InvariantCulture);
        }

        return point;
    }
}

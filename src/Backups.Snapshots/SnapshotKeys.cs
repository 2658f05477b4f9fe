using System.Globalization;
using Backups.Snapshots.Format;

namespace Backups.Snapshots;

/// <summary>
/// Where a snapshot's objects live in a store (keys relative to the store root):
/// <c>snapshots/&lt;id&gt;/manifest.json</c>, <c>snapshots/&lt;id&gt;/manifest.json.sha256</c> and
/// <c>snapshots/&lt;id&gt;/tables/&lt;schema&gt;.&lt;table&gt;/part-00000.parquet</c>. See docs/format.md.
/// </summary>
public static class SnapshotKeys
{
    /// <summary>The prefix under which every snapshot lives.</summary>
    public const string Root = "snapshots/";

    /// <summary>The manifest's file name inside a snapshot's directory.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>The file name of the manifest's checksum (in <c>sha256sum</c> format), written just before the manifest.</summary>
    public const string ManifestChecksumFileName = "manifest.json.sha256";

    /// <summary><c>snapshots/&lt;id&gt;/</c>: every object of the snapshot starts with this.</summary>
    public static string SnapshotPrefix(string id) => Root + id + "/";

    /// <summary><c>snapshots/&lt;id&gt;/manifest.json</c>.</summary>
    public static string Manifest(string id) => SnapshotPrefix(id) + ManifestFileName;

    /// <summary><c>snapshots/&lt;id&gt;/manifest.json.sha256</c>.</summary>
    public static string ManifestChecksum(string id) => SnapshotPrefix(id) + ManifestChecksumFileName;

    /// <summary>
    /// The directory name of a table: its escaped schema and name joined by '.', e.g. <c>vacols.BRIEFF</c>;
    /// just the escaped name when there is no schema. Letters, digits, '_' and '-' are kept; every other
    /// character (including '.', '/', '%' and non-ASCII) becomes '%' and two uppercase hex digits per UTF-8 byte.
    /// Names whose escaped form exceeds 200 characters are cut and suffixed with '~' and a hash of the full name.
    /// </summary>
    public static string TableDirectory(string? schema, string name) => TableDirectoryNames.For(schema, name);

    /// <summary><c>snapshots/&lt;id&gt;/tables/&lt;tableDirectory&gt;/part-NNNNN.parquet</c>.</summary>
    public static string Part(string id, string tableDirectory, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return SnapshotPrefix(id) + "tables/" + tableDirectory + "/part-" + index.ToString("D5", CultureInfo.InvariantCulture) + ".parquet";
    }

    /// <summary>
    /// <c>snapshots/&lt;id&gt;/tables/&lt;tableDirectory&gt;/part-SSS-NNNNN.parquet</c>: part <paramref name="index"/>
    /// of slice <paramref name="slice"/> of a table read in slices (ordinal key order is the table's order).
    /// </summary>
    public static string Part(string id, string tableDirectory, int slice, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slice);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return SnapshotPrefix(id) + "tables/" + tableDirectory + "/part-" + slice.ToString("D3", CultureInfo.InvariantCulture) + "-"
            + index.ToString("D5", CultureInfo.InvariantCulture) + ".parquet";
    }
}

using System.Text.RegularExpressions;
using Npgsql;

namespace Backups.Sources.Postgres;

/// <summary>The fixed statements that set up the coordinator and reader connections.</summary>
internal static partial class PgSessionSql
{
    /// <summary>
    /// Output settings that make the text form of values (DialectText) exact and independent of the
    /// server's defaults: ISO dates, postgres interval style, shortest exact floats, UTC, hex bytea.
    /// </summary>
    public const string SessionSettings =
        "SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3; " +
        "SET TimeZone = 'UTC'; SET bytea_output = 'hex'; ";

    public const string Begin = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    public static string ImportSnapshot(string snapshotId)
    {
        if (!SnapshotId().IsMatch(snapshotId))
        {
            throw new ArgumentException($"Unexpected snapshot id '{snapshotId}'.", nameof(snapshotId));
        }

        return $"{Begin}; SET TRANSACTION SNAPSHOT '{snapshotId}'";
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    [GeneratedRegex("^[0-9A-Fa-f-]+$")]
    private static partial Regex SnapshotId();
}

using System.Globalization;
using Backups.Operations.Diff;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Backups.Operations.Restore;

/// <summary>
/// After the loads have committed, asks the target itself, over a connection of its own, how many rows each table
/// holds: a table that was created or emptied by the restore must hold exactly the snapshot's rows. (Appended tables
/// are not counted: other rows were there before.) When no further connection can be opened the counts are not
/// taken and the caller is told so.
/// </summary>
internal static class TargetRowCounts
{
    /// <summary>Whether the counts were taken (and matched: a mismatch throws <see cref="RowCountMismatchException"/>).</summary>
    public static async Task<bool> CheckAsync(RestoreRequest request, IEnumerable<RestoreTablePlan> tables, CancellationToken cancellationToken)
    {
        var counted = tables.Where(t => !t.Exists || t.Load.Kind == RestoreActionKind.TruncateAndLoad).ToList();
        if (counted.Count == 0)
        {
            return true;
        }

        List<(RestoreTablePlan Table, long Rows)> counts;
        try
        {
            counts = await CountAsync(request, counted, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException { IsTransient: true } or PostgresException { SqlState: "53300" } or SqliteException { SqliteErrorCode: 5 })
        {
            return false;
        }

        var problems = new List<string>();
        string? first = null;
        foreach (var (table, actual) in counts)
        {
            if (actual != table.Table.RowCount)
            {
                first ??= table.Table.QualifiedName;
                problems.Add($"table {table.Target} holds {actual.ToString(CultureInfo.InvariantCulture)} rows after the restore, the snapshot {table.Table.RowCount.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (problems.Count > 0)
        {
            throw new RowCountMismatchException(string.Join("; ", problems), first);
        }

        return true;
    }

    private static async Task<List<(RestoreTablePlan Table, long Rows)>> CountAsync(RestoreRequest request, List<RestoreTablePlan> tables, CancellationToken cancellationToken)
    {
        var counts = new List<(RestoreTablePlan, long)>();
        if (Sources.Targets.TargetFactory.NormalizeKind(request.TargetKind) == "sqlite")
        {
            await using var sqlite = new SqliteConnection(LiveConnections.SqliteReadOnly(request.TargetConnection));
            await sqlite.OpenAsync(cancellationToken);
            foreach (var table in tables)
            {
                await using var command = sqlite.CreateCommand();
                command.CommandText = $"SELECT count(*) FROM {RepairDialect.Ident(table.Table.Name)}";
                counts.Add((table, (long)(await command.ExecuteScalarAsync(cancellationToken))!));
            }

            return counts;
        }

        await using var connection = new NpgsqlConnection(LiveConnections.Postgres(request.TargetConnection).ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*) FROM ONLY {RepairDialect.Ident(table.TargetSchema ?? "public")}.{RepairDialect.Ident(table.Table.Name)}", connection);
            counts.Add((table, (long)(await command.ExecuteScalarAsync(cancellationToken))!));
        }

        return counts;
    }
}

using System.Globalization;
using Backups.Domain.Schema;
using Backups.Snapshots;
using Backups.Sources;
using Backups.Sources.Targets;

namespace Backups.Operations.Restore;

/// <summary>
/// The "restore on request" use case. <see cref="PlanAsync"/> resolves the snapshot, connects to the target, applies
/// the guards and checks every table before anything changes; <see cref="ExecuteAsync"/> then downloads and verifies
/// each table's files, creates missing tables and loads each table in one transaction through the target's bulk path,
/// several tables at once over separate connections where the target allows.
/// </summary>
public sealed class Restorer(Func<string, string?> environment)
{
    /// <summary>
    /// Everything short of changing the target. Throws <see cref="OperationInputException"/> (unknown snapshot or
    /// table, bad input), <see cref="RestoreRefusedException"/> (the target is the snapshot's source, or a table to
    /// create exists) and <see cref="RestoreSchemaException"/> (an existing table cannot take the rows).
    /// </summary>
    public async Task<RestorePlan> PlanAsync(RestoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Parallelism < 1)
        {
            throw new OperationInputException($"--parallelism must be at least 1 (got {request.Parallelism.ToString(CultureInfo.InvariantCulture)})");
        }

        var store = StoreOpener.Open(request.StoreUrl, environment);
        try
        {
            var resolved = await SnapshotResolver.ResolveAsync(store.Store, request.Snapshot, cancellationToken);
            var tables = SnapshotTables.Select(resolved.Manifest, request.Tables);
            var session = await OpenTargetAsync(request, resolved.Manifest.Source.Kind, cancellationToken);
            try
            {
                var intoSource = TargetIdentityGuard.IsSameDatabase(resolved.Manifest.Source, session.Identity);
                if (intoSource)
                {
                    CheckIntoSource(request, resolved.Manifest, session.Identity);
                }

                var plans = await PlanTablesAsync(request, resolved.Manifest, tables, session, cancellationToken);
                return new RestorePlan(request, resolved, store, session, intoSource, plans);
            }
            catch
            {
                await session.DisposeAsync();
                throw;
            }
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes the plan's changes, reporting each one to <paramref name="observer"/> before it is made. On the first
    /// failure the other tables in flight are cancelled (their loads roll back) and <see cref="RestoreFailedException"/>
    /// says what was restored and what was not.
    /// </summary>
    public Task<RestoreResult> ExecuteAsync(RestorePlan plan, IRestoreObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Request.DryRun)
        {
            throw new InvalidOperationException("a dry-run plan is not executed");
        }

        return new RestoreRun(plan, observer).RunAsync(cancellationToken);
    }

    internal static Task<ITargetSession> OpenTargetAsync(RestoreRequest request, string snapshotKind, CancellationToken cancellationToken)
    {
        try
        {
            // A dry run opens the target without creating anything (an SQLite file is not created by looking at it).
            return TargetFactory.OpenAsync(request.TargetKind, request.TargetConnection, snapshotKind, request.DryRun, cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw new OperationInputException($"--to: {e.Message}");
        }
    }

    private static void CheckIntoSource(RestoreRequest request, Manifest manifest, SourceIdentity target)
    {
        var why = !string.IsNullOrEmpty(manifest.Source.SystemIdentifier) && !string.IsNullOrEmpty(target.SystemIdentifier)
            ? $"same database name and system identifier {target.SystemIdentifier}"
            : "same database at the same address";
        var what = $"{TargetNames.Describe(target)} is the database snapshot {manifest.Id} was taken from ({why})";
        if (!request.IntoSource || !request.Confirmed)
        {
            throw new RestoreRefusedException(
                $"{what}: restoring into it would overwrite live data. Restore into a spare database instead; "
                + "to restore into the source anyway give --into-source --yes together with --tables and --mode");
        }

        if (request.Tables is not { Count: > 0 } || !request.ModeGiven)
        {
            throw new RestoreRefusedException(
                $"{what}: restoring into it needs --tables T1,T2 and --mode create|truncate|append given explicitly, so that what is overwritten is spelled out");
        }
    }

    private static async Task<IReadOnlyList<RestoreTablePlan>> PlanTablesAsync(
        RestoreRequest request, Manifest manifest, IReadOnlyList<ManifestTable> tables, ITargetSession session, CancellationToken cancellationToken)
    {
        var plans = new List<RestoreTablePlan>();
        var existing = new List<string>();
        var problems = new List<string>();
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        var targetKind = TargetFactory.NormalizeKind(request.TargetKind);
        foreach (var table in tables)
        {
            var schema = table.ToTableSchema();
            var targetSchema = session.SchemaFor(schema, request.Schema);
            var state = await session.InspectAsync(targetSchema, schema.Name, cancellationToken);
            var target = state.QualifiedName;
            if (!targets.TryAdd(target, table.QualifiedName))
            {
                problems.Add($"tables {targets[target]} and {table.QualifiedName} would both be restored into {target}; restore them separately");
                continue;
            }

            if (state.Exists && request.Mode == RestoreMode.Create)
            {
                existing.Add(target);
            }
            else if (state.Exists)
            {
                problems.AddRange(session.CheckCompatible(schema, state));
            }
            else
            {
                problems.AddRange(schema.Columns.Where(c => session.TargetType(schema, c) is null).Select(c =>
                    $"table {target}: column {c.Name} has the {manifest.Source.Kind}-specific type {c.SourceType}, which cannot be restored into {targetKind}"));
            }

            plans.Add(Plan(manifest, table, schema, state.Schema, target, state.Exists, request.Mode));
        }

        if (existing.Count > 0)
        {
            var names = string.Join(", ", existing);
            throw new RestoreRefusedException(
                $"{(existing.Count == 1 ? "table " + names + " already exists" : "tables " + names + " already exist")} in {TargetNames.Describe(session.Identity)}; "
                + "--mode create (the default) never writes into an existing table: use --mode truncate to replace its rows, "
                + "--mode append to add to them, or --schema NAME to restore beside it. Nothing was changed");
        }

        return problems.Count > 0 ? throw new RestoreSchemaException(problems) : plans;
    }

    private static RestoreTablePlan Plan(Manifest manifest, ManifestTable table, TableSchema schema, string? targetSchema, string target, bool exists, RestoreMode mode)
    {
        var rows = table.RowCount.ToString("N0", CultureInfo.InvariantCulture);
        RestoreAction? create = null;
        if (!exists)
        {
            var key = schema.PrimaryKey.Count > 0 ? $", primary key ({string.Join(", ", schema.PrimaryKey)})" : ", no primary key";
            var unique = schema.UniqueConstraints.Count > 0 ? $", {schema.UniqueConstraints.Count} unique constraint(s)" : "";
            create = new RestoreAction(RestoreActionKind.CreateTable, table, target,
                $"create table {target} ({schema.Columns.Count} columns{key}{unique}) as in snapshot {manifest.Id}");
        }

        var load = exists && mode == RestoreMode.Truncate
            ? new RestoreAction(RestoreActionKind.TruncateAndLoad, table, target,
                $"empty table {target} and load {rows} rows of {table.QualifiedName} from snapshot {manifest.Id}, in one transaction")
            : new RestoreAction(RestoreActionKind.Load, table, target,
                $"load {rows} rows of {table.QualifiedName} from snapshot {manifest.Id} into {target}{(exists ? ", keeping its existing rows" : "")}, in one transaction");
        return new RestoreTablePlan(table, schema, targetSchema, target, exists, create, load);
    }
}

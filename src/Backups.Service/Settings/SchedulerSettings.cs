namespace Backups.Service.Settings;

/// <summary>The <c>scheduler</c> section: Quartz's store and, for PostgreSQL, the cluster node's identity.</summary>
internal sealed record SchedulerSettings
{
    public const string DefaultName = "backups";

    public SchedulerStore Store { get; init; } = SchedulerStore.Memory;

    /// <summary>Npgsql connection string with <c>${VAR}</c> references resolved; set exactly when <see cref="Store"/> is PostgreSQL.</summary>
    public string? Connection { get; init; }

    /// <summary>The Quartz scheduler name: every node of one cluster uses the same.</summary>
    public string Name { get; init; } = DefaultName;

    /// <summary>This node's id within the cluster, unique per node; null generates one (host name and start time).</summary>
    public string? InstanceId { get; init; }

    /// <summary>Create the Quartz tables (deploy/quartz/tables_postgres.sql) at start when they are missing.</summary>
    public bool CreateSchema { get; init; }

    /// <summary>How late a firing may be before it counts as missed (and then fires once, now).</summary>
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a node records that it is alive; a silent node's work is taken over after a few of these.</summary>
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an idle node waits before looking for due work again. Nodes of a cluster do not wake each other,
    /// so this bounds how late a node notices work another node left (by stopping) or scheduled.
    /// </summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Jobs that may run at once on this node (each policy's jobs never overlap each other).</summary>
    public int Threads { get; init; } = 4;
}

namespace Backups.Service.Settings;

/// <summary>Where Quartz keeps its jobs and triggers.</summary>
internal enum SchedulerStore
{
    /// <summary>In memory, one instance (the embedded default): nothing to set up, nothing shared.</summary>
    Memory,

    /// <summary>Quartz's clustered ADO job store on PostgreSQL: several instances share the work.</summary>
    Postgres,
}

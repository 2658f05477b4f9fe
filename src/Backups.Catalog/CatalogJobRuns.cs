using Microsoft.Data.Sqlite;
using NodaTime;

namespace Backups.Catalog;

/// <summary>
/// When each scheduled job of the service last ran on this machine: the fire time it ran for and when it finished.
/// The service reads it at start to run once a job whose scheduled time passed while it was down.
/// </summary>
public sealed class CatalogJobRuns
{
    private readonly SqliteConnection _connection;

    internal CatalogJobRuns(SqliteConnection connection) => _connection = connection;

    internal static void CreateTable(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS job_runs (
                job             TEXT    NOT NULL PRIMARY KEY,
                fired_ticks     INTEGER NOT NULL,
                finished_ticks  INTEGER NOT NULL,
                result          TEXT    NOT NULL
            );
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>Records a run of <paramref name="job"/> for the fire time <paramref name="fired"/>; an older fire time than the one recorded changes nothing.</summary>
    public void Record(string job, Instant fired, Instant finished, string result)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO job_runs (job, fired_ticks, finished_ticks, result) VALUES ($job, $fired, $finished, $result)
            ON CONFLICT (job) DO UPDATE SET fired_ticks = excluded.fired_ticks, finished_ticks = excluded.finished_ticks, result = excluded.result
            WHERE excluded.fired_ticks >= job_runs.fired_ticks
            """;
        command.Parameters.AddWithValue("$job", job);
        command.Parameters.AddWithValue("$fired", fired.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$finished", finished.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$result", result);
        command.ExecuteNonQuery();
    }

    /// <summary>The last recorded run of <paramref name="job"/>, or null when it never ran here.</summary>
    public JobRunRecord? Last(string job)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT fired_ticks, finished_ticks, result FROM job_runs WHERE job = $job";
        command.Parameters.AddWithValue("$job", job);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new JobRunRecord(job, Instant.FromUnixTimeTicks(reader.GetInt64(0)), Instant.FromUnixTimeTicks(reader.GetInt64(1)), reader.GetString(2))
            : null;
    }
}

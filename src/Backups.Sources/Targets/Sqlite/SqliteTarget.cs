using Backups.Domain.Schema;
using Microsoft.Data.Sqlite;

namespace Backups.Sources.Targets.Sqlite;

/// <summary>
/// An SQLite file as a restore target, created when missing (its directory must exist). One connection per
/// session; each create and each load is one transaction.
/// </summary>
internal sealed class SqliteTarget : ITarget
{
    private readonly string path;
    private readonly string connectionString;
    private readonly bool inspectOnly;

    /// <param name="inspectOnly">Open without creating or changing anything (a dry run): read-only, or an empty in-memory database when the file does not exist.</param>
    public SqliteTarget(string connection, bool inspectOnly = false)
    {
        this.inspectOnly = inspectOnly;
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = connection.Contains('=', StringComparison.Ordinal)
                ? new SqliteConnectionStringBuilder(connection)
                : new SqliteConnectionStringBuilder { DataSource = connection.Trim() };
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Invalid SQLite connection string {ConnectionStrings.Redact(connection)}: {e.Message}", nameof(connection));
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException("An SQLite target needs a database file; an in-memory database would vanish with the session.", nameof(connection));
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException("An SQLite target cannot be opened read-only (Mode=ReadOnly).", nameof(connection));
        }

        path = Path.GetFullPath(builder.DataSource);
        builder.DataSource = path;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = false;
        connectionString = builder.ConnectionString;
    }

    public Task<ITargetSession> OpenAsync(string snapshotSourceKind, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotSourceKind);
        ct.ThrowIfCancellationRequested();
        var directory = Path.GetDirectoryName(path);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new SourceUnavailableException($"Cannot create SQLite database {path}: directory {directory} does not exist.");
        }

        var connection = new SqliteConnection(inspectOnly ? InspectionConnectionString() : connectionString);
        try
        {
            connection.Open();
            using (var command = new SqliteCommand("PRAGMA busy_timeout = 5000", connection))
            {
                command.ExecuteNonQuery();
            }

            string version;
            using (var command = new SqliteCommand("SELECT sqlite_version()", connection))
            {
                version = (string)command.ExecuteScalar()!;
            }

            var identity = new SourceIdentity("sqlite", null, path, null, version);
            return Task.FromResult<ITargetSession>(new SqliteTargetSession(connection, identity, TargetFactory.NormalizeKind(snapshotSourceKind)));
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new SourceUnavailableException($"Cannot open SQLite database {path}: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>For a dry run: the file read-only when it exists; otherwise an empty database in memory, so that no file appears.</summary>
    private string InspectionConnectionString()
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (File.Exists(path))
        {
            builder.Mode = SqliteOpenMode.ReadOnly;
        }
        else
        {
            builder.DataSource = ":memory:";
            builder.Mode = SqliteOpenMode.Memory;
        }

        return builder.ConnectionString;
    }
}

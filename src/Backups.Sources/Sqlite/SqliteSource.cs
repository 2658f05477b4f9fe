using Backups.Domain.Schema;
using Backups.Sources.Selection;
using Microsoft.Data.Sqlite;

namespace Backups.Sources.Sqlite;

/// <summary>
/// SQLite dialect: the whole snapshot is one read transaction on one read-only connection, so every
/// table is read at the same point in time (<see cref="ISourceSession.MaxParallelReaders"/> is 1).
/// In rollback-journal mode writers wait for the snapshot to end; in WAL mode they do not.
/// </summary>
internal sealed class SqliteSource : ISource
{
    private readonly string path;
    private readonly string connectionString;

    public SqliteSource(string connection)
    {
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
            throw new ArgumentException("A SQLite source needs a database file; in-memory databases cannot be snapshotted.", nameof(connection));
        }

        path = Path.GetFullPath(builder.DataSource);
        builder.DataSource = path;
        builder.Mode = SqliteOpenMode.ReadOnly;
        builder.Pooling = false;
        connectionString = builder.ConnectionString;
    }

    public Task<ISourceSession> OpenSnapshotAsync(SourceSelection selection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.Schema is not null && !string.Equals(selection.Schema, "main", StringComparison.OrdinalIgnoreCase))
        {
            throw new TableSelectionException($"SQLite has no schema '{selection.Schema}'; leave the schema empty or use 'main'.");
        }

        ct.ThrowIfCancellationRequested();
        if (!File.Exists(path))
        {
            throw new SourceUnavailableException($"SQLite database file {path} does not exist.");
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, "BEGIN DEFERRED");
            // The first read starts the read transaction; everything after sees this point in time.
            var version = Scalar(connection, "SELECT sqlite_version()");
            var point = SqliteConsistency.Capture(connection, path);
            var available = SqliteCatalog.ListTables(connection);
            var names = TableSelector.Select(selection, available.Select(t => t.Name).ToList(), $"SQLite database {path}");
            var tables = available
                .Where(t => names.Contains(t.Name, StringComparer.Ordinal))
                .Select(t => SqliteCatalog.Describe(connection, t.Name, t.WithoutRowid))
                .ToList();
            var identity = new SourceIdentity("sqlite", null, path, null, version);
            return Task.FromResult<ISourceSession>(new SqliteSession(connection, identity, point, tables));
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new SourceUnavailableException($"Cannot read SQLite database {path}: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    internal static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}

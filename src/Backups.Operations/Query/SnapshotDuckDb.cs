using System.Globalization;
using Backups.Domain.Schema;
using Backups.Snapshots;
using DuckDB.NET.Data;

namespace Backups.Operations.Query;

/// <summary>
/// An in-memory DuckDB database with one view per snapshot table over its verified local Parquet files, named
/// exactly like the table (<c>"schema"."name"</c>, and plain <c>"name"</c> when no other table has that name).
/// Exact numerics are stored as text in the Parquet files; the views expose them as <c>DECIMAL(p,s)</c> when the
/// column declares a precision DuckDB can hold exactly (at most 38 digits), and as the exact text otherwise.
/// Once the views exist, file access is confined to the files' directory and the configuration is locked: a query
/// cannot read or write anything else, nor install extensions.
/// </summary>
internal sealed class SnapshotDuckDb : IDisposable
{
    private const int MaxDecimalPrecision = 38;
    private readonly DuckDBConnection _connection;

    private SnapshotDuckDb(DuckDBConnection connection) => _connection = connection;

    public DuckDBConnection Connection => _connection;

    public static SnapshotDuckDb Open(string directory, IReadOnlyList<(ManifestTable Table, IReadOnlyList<string> Files)> tables)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        try
        {
            connection.Open();
            var spill = Path.Combine(directory, "duckdb-spill");
            Directory.CreateDirectory(spill);
            Execute(connection, $"SET temp_directory = {Literal(spill)}");
            var names = tables.GroupBy(t => t.Table.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
            foreach (var (table, files) in tables)
            {
                var select = Select(table, files);
                if (table.Schema is { } schema && !string.Equals(schema, "main", StringComparison.OrdinalIgnoreCase))
                {
                    Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {Ident(schema)}");
                    Execute(connection, $"CREATE VIEW {Ident(schema)}.{Ident(table.Name)} AS {select}");
                }

                if (names[table.Name] == 1 || table.Schema is null)
                {
                    Execute(connection, $"CREATE VIEW main.{Ident(table.Name)} AS {select}");
                }
            }

            Execute(connection, $"SET allowed_directories = [{Literal(EnsureTrailingSlash(directory))}]");
            Execute(connection, "SET enable_external_access = false");
            Execute(connection, "SET autoinstall_known_extensions = false");
            Execute(connection, "SET autoload_known_extensions = false");
            Execute(connection, "SET lock_configuration = true");
            return new SnapshotDuckDb(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The DuckDB type a column has in the views.</summary>
    public static string TypeOf(ManifestColumn column) => DecimalType(column) ?? column.Kind switch
    {
        ColumnKind.Boolean => "BOOLEAN",
        ColumnKind.Int16 => "SMALLINT",
        ColumnKind.Int32 => "INTEGER",
        ColumnKind.Int64 => "BIGINT",
        ColumnKind.Float32 => "FLOAT",
        ColumnKind.Float64 => "DOUBLE",
        ColumnKind.Binary => "BLOB",
        ColumnKind.Date => "DATE",
        ColumnKind.Time => "TIME",
        ColumnKind.Timestamp => "TIMESTAMP",
        ColumnKind.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        ColumnKind.Uuid => "UUID",
        _ => "VARCHAR",
    };

    public static string Ident(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public void Dispose() => _connection.Dispose();

    private static string Select(ManifestTable table, IReadOnlyList<string> files)
    {
        var columns = table.Columns.Select(c => DecimalType(c) is { } type
            ? $"CAST({Ident(c.Name)} AS {type}) AS {Ident(c.Name)}"
            : Ident(c.Name));
        return $"SELECT {string.Join(", ", columns)} FROM read_parquet([{string.Join(", ", files.Select(Literal))}])";
    }

    private static string? DecimalType(ManifestColumn column) =>
        column.Kind == ColumnKind.Decimal && column.Precision is { } p and > 0 and <= MaxDecimalPrecision && column.Scale is { } s && s >= 0 && s <= p
            ? string.Create(CultureInfo.InvariantCulture, $"DECIMAL({p},{s})")
            : null;

    private static string EnsureTrailingSlash(string directory) =>
        directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

using System.Diagnostics;
using System.Globalization;
using Backups.TestFixtures.Vacols;
using Microsoft.Data.Sqlite;

namespace Backups.Bench;

/// <summary>
/// Builds an SQLite file with the 13 VACOLS fixture tables (scale 1 by default: the sample rows as they are).
/// Safe to run again: an existing file is left unchanged (its tables are listed) unless <c>--force</c>, which
/// rebuilds it. The file is built beside its destination and moved into place, so an interrupted run leaves no
/// half-built database behind.
/// </summary>
internal sealed class SeedVacolsSqlite : IBenchMode
{
    public string Name => "seed-vacols-sqlite";

    public string Usage => "seed-vacols-sqlite <path> [scale=1] [--force]   (an existing file is kept unless --force)";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var parsed = BenchArguments.Parse(args, ["--force"], []);
        var path = Path.GetFullPath(parsed.Required(0, "path"));
        var scale = parsed.Positional.Count > 1 ? BenchArguments.PositiveInt(parsed.Positional[1], "scale") : 1;
        parsed.NoMoreThan(2);

        if (File.Exists(path) && !parsed.Has("--force"))
        {
            output.WriteLine($"{path} already exists; left unchanged (--force rebuilds it). It holds:");
            Describe(path, output);
            return 0;
        }

        var plan = VacolsSeedPlan.For(scale);
        var clock = Stopwatch.StartNew();
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var building = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.building");
        var extra = building + ".extra";
        try
        {
            var first = true;
            foreach (var (groupScale, names) in plan.Groups)
            {
                if (first)
                {
                    VacolsFixture.BuildSqlite(building, groupScale, names);
                    first = false;
                    continue;
                }

                // BuildSqlite makes a whole file; tables scaled differently are built apart and copied in.
                VacolsFixture.BuildSqlite(extra, groupScale, names);
                CopyTables(extra, building);
                File.Delete(extra);
            }

            SqliteConnection.ClearAllPools();
            File.Move(building, path, overwrite: true);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(building);
            File.Delete(extra);
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"built {path} (VACOLS fixtures, scale {scale}) in {clock.Elapsed.TotalSeconds:0.0}s:"));
        Describe(path, output);
        return 0;
    }

    private static void CopyTables(string from, string into)
    {
        using var connection = Open(into);
        using (var attach = new SqliteCommand("ATTACH DATABASE @file AS extra", connection))
        {
            attach.Parameters.AddWithValue("@file", from);
            attach.ExecuteNonQuery();
        }

        var tables = new List<(string Name, string Sql)>();
        using (var list = new SqliteCommand("SELECT name, sql FROM extra.sqlite_master WHERE type = 'table' ORDER BY rowid", connection))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        using var transaction = connection.BeginTransaction();
        foreach (var (name, sql) in tables)
        {
            using var create = new SqliteCommand(sql, connection, transaction);
            create.ExecuteNonQuery();
            using var copy = new SqliteCommand($"INSERT INTO main.{Quote(name)} SELECT * FROM extra.{Quote(name)}", connection, transaction);
            copy.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Describe(string path, TextWriter output)
    {
        using var connection = Open(path);
        var names = new List<string>();
        using (var list = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", connection))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        long total = 0;
        foreach (var name in names)
        {
            using var count = new SqliteCommand($"SELECT count(*) FROM {Quote(name)}", connection);
            var rows = (long)count.ExecuteScalar()!;
            total += rows;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-10} {rows,10:N0} rows"));
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {names.Count} tables, {total:N0} rows, {new FileInfo(path).Length / 1024.0:N0} KiB"));
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

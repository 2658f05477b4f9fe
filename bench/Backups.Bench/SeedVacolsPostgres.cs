using System.Diagnostics;
using System.Globalization;
using Backups.TestFixtures.Vacols;
using Npgsql;

namespace Backups.Bench;

/// <summary>
/// Builds the 13 VACOLS fixture tables in a PostgreSQL schema, every sample row repeated <c>scale</c> times with
/// new keys, for the snapshot benchmark. Refuses a schema that already has tables unless <c>--force</c>, which
/// drops it first.
/// </summary>
internal sealed class SeedVacolsPostgres : IBenchMode
{
    public string Name => "seed-vacols-postgres";

    public string Usage => $"seed-vacols-postgres <connection-string> <scale> [--schema {VacolsFixture.DefaultSchema}] [--force]";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var parsed = BenchArguments.Parse(args, ["--force"], ["--schema"]);
        var connection = parsed.Required(0, "connection string");
        var scale = BenchArguments.PositiveInt(parsed.Required(1, "scale"), "scale");
        parsed.NoMoreThan(2);
        var schema = parsed.Value("--schema") ?? VacolsFixture.DefaultSchema;
        return RunAsync(connection, scale, schema, parsed.Has("--force"), output).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string connectionString, int scale, string schema, bool force, TextWriter output)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            var existing = await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = @schema", schema);
            if (existing > 0 && !force)
            {
                await Console.Error.WriteLineAsync(
                    $"schema {schema} of {connection.Database} already has {existing} tables; not touching it (--force drops and rebuilds it)");
                return 1;
            }

            if (existing > 0)
            {
                output.WriteLine($"dropping schema {schema} of {connection.Database} ({existing} tables)");
                await using var drop = new NpgsqlCommand($"DROP SCHEMA {Quote(schema)} CASCADE", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }

        var plan = VacolsSeedPlan.For(scale);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed-vacols-postgres: schema {schema}, scale {scale}, ~{plan.ExpectedRows:N0} rows"));
        var clock = Stopwatch.StartNew();
        foreach (var (groupScale, names) in plan.Groups)
        {
            await VacolsFixture.BuildPostgresAsync(connectionString, groupScale, schema, names);
        }

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            long total = 0;
            foreach (var (table, tableScale) in plan.Tables)
            {
                var rows = await ScalarAsync<long>(connection, $"SELECT count(*) FROM {Quote(schema)}.{Quote(table.Name)}", null);
                total += rows;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {schema}.{table.Name,-10} {rows,10:N0} rows ({tableScale}x)"));
            }

            var size = await ScalarAsync<long>(
                connection,
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @schema AND c.relkind = 'r'",
                schema);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"built {plan.Tables.Count} tables, {total:N0} rows, {size / (1024.0 * 1024):0.0} MiB on disk in {connection.Database}, {clock.Elapsed.TotalSeconds:0.0}s"));
        }

        return 0;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, string? schema)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (schema is not null)
        {
            command.Parameters.AddWithValue("schema", schema);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

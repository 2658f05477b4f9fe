using System.Text.Json;
using Backups.Restore.Tests.Support;
using Backups.TestFixtures.Postgres;
using Backups.TestFixtures.Vacols;
using NodaTime;
using NodaTime.Text;

namespace Backups.Restore.Tests.Acceptance;

/// <summary>
/// The post-mortem, replayed (docs/runbook.md walks through the same steps): a bad deploy sets BRIEFF.BFSO to NULL in
/// 18 rows while other tables change legitimately; a later snapshot is taken; then the operator finds the last good
/// snapshot by time, lists exactly the damaged rows, repairs them with a reviewed script that is safe to re-run, and
/// restores that snapshot to a spare database to check it is identical to the source as it was.
/// </summary>
public sealed class VacolsRecoveryTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const string Schema = VacolsFixture.DefaultSchema;

    [PostgresFact]
    public async Task The_18_damaged_BFSO_rows_are_found_repaired_by_a_re_runnable_script_and_the_good_snapshot_restores_identically()
    {
        using var workspace = new Workspace();
        var source = await server.CreateDatabaseAsync("restore_accept");
        await VacolsFixture.BuildPostgresAsync(source);
        var asOfGood = await Db.ChecksumsAsync(source, Schema);
        var good = await workspace.SnapshotAsync(source, Schema);

        // An hour later the bad deploy, and ordinary work in unrelated tables.
        workspace.Clock.Advance(Duration.FromHours(1));
        var damaged = await DamageAsync(source);
        await Db.ExecuteAsync(source, """
            UPDATE vacols.staff SET snamel = upper(snamel) || ' (edited)' WHERE stafkey IN (SELECT stafkey FROM vacols.staff ORDER BY stafkey LIMIT 5);
            DELETE FROM vacols.issref WHERE ctid IN (SELECT ctid FROM vacols.issref ORDER BY prog_code, iss_code LIMIT 3);
            INSERT INTO vacols.actcode (actckey, actcdesc) VALUES ('ZZ1', 'added after the good snapshot');
            """);
        var afterDamage = await Db.ChecksumsAsync(source, Schema);
        workspace.Clock.Advance(Duration.FromHours(1));
        var later = await workspace.SnapshotAsync(source, Schema);
        var between = InstantPattern.ExtendedIso.Format(Workspace.Start + Duration.FromMinutes(90));

        // diff --at picks the good snapshot and lists exactly the 18 rows, old value and NULL.
        var script = Path.Combine(workspace.Root, "repair-bfso.sql");
        var diff = await workspace.RunExpectingAsync(0,
            "diff", "--store", workspace.StoreDirectory, "--at", between, "--against", $"postgres:{source}", "--table", "BRIEFF", "--json", "--sql", script);
        using (var json = JsonDocument.Parse(diff.Out))
        {
            var root = json.RootElement;
            root.GetProperty("old").GetProperty("snapshot").GetString().ShouldBe(good);
            var differences = root.GetProperty("differences").EnumerateArray().ToList();
            differences.Count.ShouldBe(18);
            differences.ShouldAllBe(d => d.GetProperty("kind").GetString() == "changed");
            var found = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var difference in differences)
            {
                var changes = difference.GetProperty("changes").EnumerateObject().ToList();
                changes.Select(c => c.Name).ShouldBe(["bfso"]);
                changes[0].Value.GetProperty("new").ValueKind.ShouldBe(JsonValueKind.Null);
                found[difference.GetProperty("key").GetProperty("bfkey").GetString()!] = changes[0].Value.GetProperty("old").GetString();
            }

            found.ShouldBe(damaged, ignoreOrder: true);
            root.GetProperty("summary").GetProperty("changed").GetInt64().ShouldBe(18);
        }

        // The script names the snapshot, its instant, the table and the row count; it is one transaction of 18 guarded UPDATEs.
        var text = await File.ReadAllTextAsync(script);
        text.ShouldContain(good);
        text.ShouldContain(InstantPattern.ExtendedIso.Format(Workspace.Start));
        text.ShouldContain("vacols.brieff");
        text.ShouldContain("18 UPDATE");
        var statements = text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal)).ToList();
        statements.First().ShouldBe("BEGIN;");
        statements.Last().ShouldBe("COMMIT;");
        statements.Count(s => s.StartsWith("UPDATE \"vacols\".\"brieff\" SET \"bfso\" = ", StringComparison.Ordinal)
            && s.EndsWith("AND \"bfso\" IS NOT DISTINCT FROM NULL;", StringComparison.Ordinal)).ShouldBe(18);
        statements.Count(s => s.StartsWith("SET LOCAL ", StringComparison.Ordinal)).ShouldBe(5, "the read side's output settings, for the text comparisons");
        statements.Count.ShouldBe(25);

        // Applied with psql: 18 rows updated, BRIEFF is as in the good snapshot, the unrelated changes stay.
        var first = await Psql.RunFileAsync(source, script);
        first.ExitCode.ShouldBe(0, first.Error);
        Psql.Tags(first.Out).ShouldBe(["BEGIN", .. Psql.Settings, .. Enumerable.Repeat("UPDATE 1", 18), "COMMIT"]);
        var repaired = await Db.ChecksumsAsync(source, Schema);
        repaired.Keys.ShouldBe(asOfGood.Keys, ignoreOrder: true);
        foreach (var (table, sum) in repaired)
        {
            sum.ShouldBe(table == "brieff" ? asOfGood[table] : afterDamage[table], $"table {table}");
        }

        afterDamage["staff"].ShouldNotBe(asOfGood["staff"]);
        afterDamage["issref"].ShouldNotBe(asOfGood["issref"]);
        afterDamage["actcode"].ShouldNotBe(asOfGood["actcode"]);

        // Applied again: nothing changes.
        var again = await Psql.RunFileAsync(source, script);
        again.ExitCode.ShouldBe(0, again.Error);
        Psql.Tags(again.Out).ShouldBe(["BEGIN", .. Psql.Settings, .. Enumerable.Repeat("UPDATE 0", 18), "COMMIT"]);
        (await Db.ChecksumsAsync(source, Schema)).ShouldBe(repaired);

        // The two snapshots show the same 18 rows between them.
        var between2 = await workspace.RunExpectingAsync(0,
            "diff", "--store", workspace.StoreDirectory, "--snapshot", good, "--snapshot", later, "--table", "vacols.brieff");
        between2.Out.ShouldContain("18 changed, 0 added, 0 removed");

        // The good snapshot restored to a spare database is identical, table by table, to the source as it was then.
        var spare = await server.CreateDatabaseAsync("restore_accept_spare");
        var restore = await workspace.RunExpectingAsync(0, "restore", "--store", workspace.StoreDirectory, "--at", between, "--to", $"postgres:{spare}");
        restore.Error.ShouldContain($"using snapshot {good}");
        restore.Error.ShouldContain("90m before --at");
        (await Db.ChecksumsAsync(spare, Schema)).ShouldBe(asOfGood);
    }

    /// <summary>Sets BFSO to NULL in 18 rows spread over the table; returns their keys and old values.</summary>
    private static async Task<Dictionary<string, string?>> DamageAsync(string connection)
    {
        var damaged = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using var db = new Npgsql.NpgsqlConnection(connection);
        await db.OpenAsync();
        await using (var pick = new Npgsql.NpgsqlCommand("SELECT bfkey, bfso FROM vacols.brieff WHERE bfso IS NOT NULL ORDER BY md5(bfkey) LIMIT 18", db))
        await using (var reader = await pick.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                damaged[reader.GetString(0)] = reader.GetString(1);
            }
        }

        await using var update = new Npgsql.NpgsqlCommand("UPDATE vacols.brieff SET bfso = NULL WHERE bfkey = ANY(@keys)", db);
        update.Parameters.AddWithValue("keys", damaged.Keys.ToArray());
        (await update.ExecuteNonQueryAsync()).ShouldBe(18);
        return damaged;
    }
}

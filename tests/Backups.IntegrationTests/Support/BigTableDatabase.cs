namespace Backups.IntegrationTests.Support;

/// <summary>
/// A database with one table, <c>public.big</c>, of <see cref="Rows"/> generated rows: with a tiny part size every
/// row group (<see cref="Backups.Snapshots.SnapshotWriteRequest.DefaultRowGroupRows"/> rows) becomes a part, so a
/// snapshot can be killed after its first part is stored and well before its manifest.
/// </summary>
public sealed class BigTableDatabase : SharedDatabase
{
    public const int Rows = 1_500_000;

    protected override string Prefix => "backups_integ_big";

    protected override Task BuildAsync(string connection) => Sql.ExecuteAsync(connection, $"""
        CREATE TABLE public.big (id bigint PRIMARY KEY, amount numeric(12,2), at timestamp, note text NOT NULL);
        INSERT INTO public.big
        SELECT g, (g % 100000) / 100.0, timestamp '2020-01-01' + g * interval '1 second', 'case ' || (g % 1000)
        FROM generate_series(1, {Rows}) g;
        ANALYZE public.big;
        """);
}

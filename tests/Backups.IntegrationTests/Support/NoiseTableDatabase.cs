namespace Backups.IntegrationTests.Support;

/// <summary>
/// A database with one table, <c>public.noise</c>, of <see cref="Rows"/> rows of 256 pseudo-random bytes each: about
/// 31 MB that zstd cannot shrink, so its single Parquet part goes to S3 as a multipart upload (16 MiB parts).
/// </summary>
public sealed class NoiseTableDatabase : SharedDatabase
{
    public const int Rows = 120_000;

    protected override string Prefix => "backups_integ_noise";

    protected override Task BuildAsync(string connection) => Sql.ExecuteAsync(connection, $"""
        CREATE TABLE public.noise (id bigint PRIMARY KEY, bytes bytea NOT NULL);
        INSERT INTO public.noise
        SELECT g, sha512(int8send(g)) || sha512(int8send(-g)) || sha512(int8send(g * 7)) || sha512(int8send(g * 13))
        FROM generate_series(1, {Rows}) g;
        ANALYZE public.noise;
        """);
}

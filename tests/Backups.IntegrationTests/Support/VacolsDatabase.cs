using Backups.TestFixtures.Vacols;

namespace Backups.IntegrationTests.Support;

/// <summary>A VACOLS-shaped PostgreSQL database: schema <c>vacols</c>, the 13 fixture tables with their sample rows.</summary>
public sealed class VacolsDatabase : SharedDatabase
{
    protected override string Prefix => "backups_integ_vacols";

    protected override Task BuildAsync(string connection) => VacolsFixture.BuildPostgresAsync(connection);
}

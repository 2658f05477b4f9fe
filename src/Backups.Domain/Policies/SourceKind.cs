namespace Backups.Domain.Policies;

/// <summary>The database engine a policy snapshots (policy files: <c>postgres</c>, <c>sqlite</c>, <c>oracle</c>).</summary>
public enum SourceKind
{
    Postgres,
    Sqlite,
    Oracle,
}

namespace Backups.Operations.Query;

/// <summary>Receives a query's result: columns, each row (values as DuckDB returns them, blobs as byte arrays), then the end.</summary>
public interface IQuerySink
{
    void Begin(IReadOnlyList<QueryColumn> columns);

    void Row(object?[] values);

    void End(long rows);
}

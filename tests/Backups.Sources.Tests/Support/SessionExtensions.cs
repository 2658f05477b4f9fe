using Backups.Domain.Schema;

namespace Backups.Sources.Tests.Support;

internal static class SessionExtensions
{
    public static TableSchema Table(this ISourceSession session, string name) =>
        session.Tables.Single(t => t.Name == name);

    public static async Task<List<object?[]>> ReadAllAsync(this ISourceSession session, string table, CancellationToken ct = default)
    {
        var rows = new List<object?[]>();
        await foreach (var row in session.ReadRowsAsync(session.Table(table), ct))
        {
            rows.Add(row);
        }

        return rows;
    }
}

using Backups.Domain.Schema;
using Microsoft.Data.Sqlite;

namespace Backups.Sources.Targets.Sqlite;

/// <summary>Inserts rows into one table with a prepared statement, inside the caller's transaction.</summary>
internal sealed class SqliteTableLoader(
    SqliteConnection connection, SqliteTransaction transaction, TableSchema table, SqliteAffinity[] affinities, bool sameDialect)
{
    private const int ProgressEvery = 10_000;

    public async Task<long> InsertAsync(IAsyncEnumerable<object?[]> rows, IProgress<long>? progress, CancellationToken ct)
    {
        var kinds = table.Columns.Select(c => c.Kind).ToArray();
        using var insert = new SqliteCommand(SqliteTargetCatalog.Insert(table, table.Name), connection, transaction);
        var parameters = kinds.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null))).ToArray();
        insert.Prepare();
        var count = 0L;
        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            count++;
            if (row.Length != kinds.Length)
            {
                throw new TargetLoadException(table.Name, null, count,
                    $"the row has {row.Length} values but the table has {kinds.Length} columns.");
            }

            for (var i = 0; i < kinds.Length; i++)
            {
                object? bound = null;
                if (row[i] is { } value)
                {
                    bound = SqliteTargetValues.Bind(kinds[i], affinities[i], sameDialect, value, out var problem);
                    if (problem is not null)
                    {
                        throw new TargetLoadException(table.Name, table.Columns[i].Name, count, problem + ".");
                    }
                }

                parameters[i].Value = bound ?? DBNull.Value;
            }

            try
            {
                insert.ExecuteNonQuery();
            }
            catch (SqliteException e)
            {
                throw new TargetLoadException(table.Name, null, count, $"SQLite refused the row: {e.Message}", e);
            }

            if (count % ProgressEvery == 0)
            {
                progress?.Report(count);
            }
        }

        progress?.Report(count);
        return count;
    }
}

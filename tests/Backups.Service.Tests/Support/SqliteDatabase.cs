using Microsoft.Data.Sqlite;

namespace Backups.Service.Tests.Support;

/// <summary>Makes small SQLite source databases for the service to snapshot.</summary>
public static class SqliteDatabase
{
    /// <summary>Creates <paramref name="path"/> with a table <c>items</c> of <paramref name="rows"/> rows and a table <c>notes</c> of 3.</summary>
    public static string Create(string path, int rows)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount REAL);
            CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
            INSERT INTO notes (body) VALUES ('a'), ('b'), ('c');
            """;
        command.ExecuteNonQuery();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO items (name, amount) VALUES ($name, $amount)";
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var amount = insert.Parameters.Add("$amount", SqliteType.Real);
        for (var i = 0; i < rows; i++)
        {
            name.Value = $"item {i}";
            amount.Value = i * 1.5;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return path;
    }
}

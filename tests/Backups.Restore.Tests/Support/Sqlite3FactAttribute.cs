namespace Backups.Restore.Tests.Support;

/// <summary>A test that runs a script with the real <c>sqlite3</c> client; skipped, saying why, where it is not installed.</summary>
public sealed class Sqlite3FactAttribute : FactAttribute
{
    public Sqlite3FactAttribute()
    {
        if (!File.Exists(Sqlite3.Program))
        {
            Skip = $"{Sqlite3.Program} is not installed (Debian package sqlite3): the repair script cannot be run as an operator would";
        }
    }
}

using Backups.Domain.Schema;

namespace Backups.Sources.Sqlite;

/// <summary>A captured SQLite column and the rule its stored values must follow.</summary>
internal sealed record SqliteColumn(ColumnSchema Schema, SqliteValueRule Rule);

using Backups.Domain.Schema;

namespace Backups.Sources.Sqlite;

/// <summary>A selected SQLite table; <paramref name="RowidAlias"/> is null for WITHOUT ROWID tables.</summary>
internal sealed record SqliteTable(TableSchema Schema, IReadOnlyList<SqliteColumn> Columns, string? RowidAlias);

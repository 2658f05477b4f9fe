using Backups.Domain.Schema;

namespace Backups.Sources.Postgres;

/// <summary>A selected table: its public schema, its OID in the snapshot and how to read its columns.</summary>
internal sealed record PgTable(uint Oid, TableSchema Schema, IReadOnlyList<PgColumn> Columns, long? EstimatedRows);

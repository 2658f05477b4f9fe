using Backups.Domain.Schema;

namespace Backups.Sources.Targets;

/// <summary>
/// A connection to a restore target. Operations run one at a time (open several sessions to load
/// tables in parallel). Table and column names are used exactly as captured, always quoted.
/// </summary>
public interface ITargetSession : IAsyncDisposable
{
    /// <summary>
    /// Which database this is, in the same shape the read side reports for a source, so that
    /// <see cref="TargetIdentityGuard.IsSameDatabase"/> can refuse to restore over a snapshot's own source.
    /// </summary>
    SourceIdentity Identity { get; }

    /// <summary>
    /// Whether the table exists and its columns.
    /// </summary>
    /// <param name="schema">PostgreSQL schema (null: <c>public</c>); SQLite: null or <c>main</c>.</param>
    /// <param name="table">The table name, exactly.</param>
    Task<TableState> InspectAsync(string? schema, string table, CancellationToken ct);

    /// <summary>
    /// The schema the table goes into: <paramref name="targetSchema"/> when given, else the snapshot's
    /// own schema (PostgreSQL) or <c>public</c> when it has none; always null for SQLite.
    /// </summary>
    string? SchemaFor(TableSchema table, string? targetSchema);

    /// <summary>
    /// The type a column gets in this target: the snapshot's <see cref="ColumnSchema.SourceType"/> verbatim
    /// when the snapshot came from the same dialect, else a mapping from its <see cref="ColumnKind"/>; null
    /// when the column cannot be restored here (a dialect-specific type from another dialect).
    /// </summary>
    string? TargetType(TableSchema table, ColumnSchema column);

    /// <summary>
    /// Creates the table (and, in PostgreSQL, its schema when missing) in one transaction: columns with
    /// their <see cref="TargetType"/>, NOT NULL, PRIMARY KEY and UNIQUE constraints.
    /// </summary>
    /// <exception cref="TargetSchemaException">
    /// Some column cannot be created here (every such column is listed), or the table already exists.
    /// </exception>
    Task CreateTableAsync(TableSchema table, string? targetSchema, CancellationToken ct);

    /// <summary>
    /// Everything that keeps the snapshot's rows from going into <paramref name="existing"/> unchanged:
    /// a missing table or column, a different type (naming the column and both types), a NOT NULL column
    /// where the snapshot allows NULL, a generated column, a column only the target has that is NOT NULL
    /// without a default. Empty when the table can be loaded.
    /// </summary>
    IReadOnlyList<string> CheckCompatible(TableSchema wanted, TableState existing);

    /// <summary>
    /// How many rows the table holds as committed, counted by the target itself (between loads, not inside one):
    /// what a restore checks after each load, since triggers or rules on an existing table can drop or add rows.
    /// </summary>
    Task<long> CountRowsAsync(string? schema, string table, CancellationToken ct);

    /// <summary>Deletes every row of the table, committed at once (use <see cref="LoadMode.Replace"/> to make it atomic with a load).</summary>
    Task TruncateAsync(string? schema, string table, CancellationToken ct);

    /// <summary>Appends rows; see <see cref="LoadAsync(TableSchema, string?, IAsyncEnumerable{object?[]}, LoadMode, IProgress{long}?, CancellationToken)"/>.</summary>
    Task<long> LoadAsync(
        TableSchema table, string? targetSchema, IAsyncEnumerable<object?[]> rows, IProgress<long>? rowsLoaded, CancellationToken ct) =>
        LoadAsync(table, targetSchema, rows, LoadMode.Append, rowsLoaded, ct);

    /// <summary>
    /// Loads rows (each one value per column of <paramref name="table"/>, in column order, of exactly the
    /// canonical CLR type of the column's kind, or null) in ONE transaction: the table first checked with
    /// <see cref="CheckCompatible"/>, then with <see cref="LoadMode.Replace"/> emptied, then filled. On any
    /// failure (a refused row, a failing row source, cancellation) the transaction is rolled back and the
    /// table is as it was before the call.
    /// </summary>
    /// <returns>The number of rows loaded; the caller compares it with the snapshot's row count.</returns>
    /// <exception cref="TargetSchemaException">The table is missing or does not match.</exception>
    /// <exception cref="TargetLoadException">The target refused a row or a value cannot be stored exactly.</exception>
    Task<long> LoadAsync(
        TableSchema table,
        string? targetSchema,
        IAsyncEnumerable<object?[]> rows,
        LoadMode mode,
        IProgress<long>? rowsLoaded,
        CancellationToken ct);
}

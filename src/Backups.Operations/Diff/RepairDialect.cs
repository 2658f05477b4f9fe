namespace Backups.Operations.Diff;

/// <summary>How a repair script spells names, values and null-safe comparisons in one SQL dialect.</summary>
internal abstract class RepairDialect
{
    public static RepairDialect For(string kind) => kind switch
    {
        "postgres" or "postgresql" => new PostgresRepairDialect(),
        "sqlite" => new SqliteRepairDialect(),
        _ => throw new OperationInputException($"--sql: repair scripts are written for postgres and sqlite, not {kind}"),
    };

    /// <summary>Statements run right after BEGIN (session settings the literals rely on), or empty.</summary>
    public abstract IReadOnlyList<string> Preamble { get; }

    /// <summary>How the operator runs the script with the dialect's own client, stopping at the first error.</summary>
    /// <param name="script">The script's path.</param>
    /// <param name="database">The database (an SQLite file), when known; a placeholder otherwise.</param>
    public abstract string ApplyCommand(string script, string? database);

    /// <summary>How the client shows a row the script left alone because it changed again since the diff.</summary>
    public abstract string LeftAloneNote { get; }

    /// <summary>
    /// A statement written after each UPDATE that reports the row when the UPDATE changed nothing (the row changed
    /// again since the diff), or null when the client reports that itself (psql prints <c>UPDATE 0</c>).
    /// </summary>
    public virtual string? AfterUpdate(string keyCondition) => null;

    public abstract string Table(string? schema, string name);

    public static string Ident(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// A value as a literal of the column's type. <paramref name="typed"/> adds an explicit cast to the column's type
    /// where the dialect needs one to infer it (INSERT ... SELECT).
    /// </summary>
    public abstract string Literal(DiffColumn column, object? value, bool typed);

    /// <summary>A condition true when the column holds exactly <paramref name="value"/> (NULL included).</summary>
    public abstract string Holds(DiffColumn column, object? value);

    /// <summary>A key condition: <c>=</c> (which an index can serve) or <c>IS NULL</c>.</summary>
    public string KeyEquals(DiffColumn column, object? value) =>
        value is null ? $"{Ident(column.Name)} IS NULL" : $"{Compared(column)} = {Literal(column, value, typed: false)}";

    /// <summary>The expression compared with a value: the column, or its text form where the type has no equality.</summary>
    protected virtual string Compared(DiffColumn column) => Ident(column.Name);
}

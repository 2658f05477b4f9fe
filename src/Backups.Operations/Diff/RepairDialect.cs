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

using System.Globalization;
using Backups.Domain.Schema;

namespace Backups.Operations.Diff;

/// <summary>
/// PostgreSQL literals: numbers exact and bare, text in '' (E'' with backslash escapes when it holds backslashes or
/// control characters, so every statement stays on one line), floats as quoted round-trip text cast to the column's
/// type, times in ISO form, bytea as E'\\x..'. Types without an equality operator (json, the dialect-text types) are
/// compared through their text form, which is how the snapshot captured them.
/// </summary>
internal sealed class PostgresRepairDialect : RepairDialect
{
    // The read side's output settings, for this transaction only: the text forms the guards compare (arrays,
    // intervals, timestamps inside composite values...) are then exactly those the snapshot captured. Literals
    // themselves do not depend on settings: backslashes only ever appear inside E'' strings.
    public override IReadOnlyList<string> Preamble { get; } =
    [
        "SET LOCAL DateStyle = 'ISO, YMD';",
        "SET LOCAL IntervalStyle = 'postgres';",
        "SET LOCAL extra_float_digits = 3;",
        "SET LOCAL TimeZone = 'UTC';",
        "SET LOCAL bytea_output = 'hex';",
    ];

    public override string Table(string? schema, string name) => $"{Ident(schema ?? "public")}.{Ident(name)}";

    public override string ApplyCommand(string script, string? database) => $"psql -v ON_ERROR_STOP=1 -f {script}";

    public override string LeftAloneNote => "psql then reports UPDATE 0 for it";

    public override string Literal(DiffColumn column, object? value, bool typed)
    {
        ArgumentNullException.ThrowIfNull(column);
        var type = column.NewType;
        if (value is null)
        {
            return typed ? $"NULL::{type}" : "NULL";
        }

        var text = ValueFormat.Text(value)!;
        var literal = column.Kind switch
        {
            ColumnKind.Boolean => (bool)value ? "TRUE" : "FALSE",
            ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Int64 => text,
            ColumnKind.Decimal when ValueFormat.IsPlainNumber(text) && !typed => text,
            ColumnKind.Decimal => ValueFormat.Quote(text),
            ColumnKind.Text or ColumnKind.Json => ValueFormat.Quote(text),
            ColumnKind.TimestampTz => ValueFormat.Quote(((DateTime)value).ToString("yyyy'-'MM'-'dd' 'HH':'mm':'ss.FFFFFF", CultureInfo.InvariantCulture) + "+00"),
            _ => ValueFormat.Quote(text),
        };
        var needsCast = typed || column.Kind is not (ColumnKind.Boolean or ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Int64
            or ColumnKind.Decimal or ColumnKind.Text or ColumnKind.Json);
        return needsCast ? $"{literal}::{type}" : literal;
    }

    public override string Holds(DiffColumn column, object? value)
    {
        ArgumentNullException.ThrowIfNull(column);
        return value is not null && UsesText(column)
            ? $"{Compared(column)} IS NOT DISTINCT FROM {ValueFormat.Quote(ValueFormat.Text(value)!)}"
            : $"{Ident(column.Name)} IS NOT DISTINCT FROM {Literal(column, value, typed: false)}";
    }

    protected override string Compared(DiffColumn column) => column switch
    {
        { Kind: ColumnKind.DialectText, NewType: "inet" } => $"abbrev({Ident(column.Name)})",
        _ when UsesText(column) => $"{Ident(column.Name)}::text",
        _ => Ident(column.Name),
    };

    private static bool UsesText(DiffColumn column) =>
        column.Kind == ColumnKind.DialectText || (column.Kind == ColumnKind.Json && column.NewType != "jsonb");
}

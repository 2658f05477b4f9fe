using Backups.Domain.Schema;

namespace Backups.Sources.Tests.Targets.Support;

internal static class SchemaAssertions
{
    /// <summary>Same columns (name, type, kind, nullability, modifiers), key and unique constraints.</summary>
    public static void ShouldDescribeTheSameTableAs(this TableSchema actual, TableSchema expected)
    {
        actual.Name.ShouldBe(expected.Name);
        actual.Columns.ShouldBe(expected.Columns);
        actual.PrimaryKey.ShouldBe(expected.PrimaryKey);
        actual.UniqueConstraints.Select(u => string.Join(",", u)).Order(StringComparer.Ordinal)
            .ShouldBe(expected.UniqueConstraints.Select(u => string.Join(",", u)).Order(StringComparer.Ordinal));
    }

    public static TableSchema Without(this TableSchema table, ColumnKind kind) =>
        table with { Columns = table.Columns.Where(c => c.Kind != kind).ToList() };

    public static object?[] Project(this object?[] row, TableSchema from, TableSchema to) =>
        to.Columns.Select(c => row[from.Columns.ToList().FindIndex(f => f.Name == c.Name)]).ToArray();
}

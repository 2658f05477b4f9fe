using Backups.Domain.Schema;
using Backups.Operations;
using Backups.Operations.Diff;
using Backups.Restore.Tests.Support;

namespace Backups.Restore.Tests.Diff;

/// <summary>Matching rows by key without sorting: the answer is exact whatever the order; memory grows with disorder only.</summary>
public sealed class TableDifferTests
{
    private static readonly TableSchema Table = new("s", "t",
        [new ColumnSchema("id", "integer", ColumnKind.Int32, false), new ColumnSchema("a", "text", ColumnKind.Text, true), new ColumnSchema("b", "double precision", ColumnKind.Float64, true)],
        ["id"], []);

    private static readonly DiffSchema Schema = DiffSchemaBuilder.Build(Table, Table, null, null);

    [Fact]
    public async Task Changed_added_and_removed_rows_are_reported_with_the_changed_columns_only()
    {
        var old = Rows(1, 2, 3, 4, 5);
        var @new = Rows(1, 2, 4, 5, 6);
        @new[1][1] = "changed";
        @new[3][2] = -0.0;
        var sink = await DiffAsync(old, @new);

        sink.Summary!.ShouldBe(new DiffSummary(2, 1, 1, 5, 5, null));
        var changed = sink.Rows.Where(r => r.Kind == DiffKind.Changed).ToList();
        changed.Select(r => (int)r.New![0]!).ShouldBe([2, 5], ignoreOrder: true);
        changed.Single(r => (int)r.New![0]! == 2).Changed.Select(c => c.Name).ShouldBe(["a"]);
        changed.Single(r => (int)r.New![0]! == 5).Changed.Select(c => c.Name).ShouldBe(["b"], "-0 differs from 0 as stored");
        sink.Rows.Single(r => r.Kind == DiffKind.Removed).Old![0].ShouldBe(3);
        sink.Rows.Single(r => r.Kind == DiffKind.Added).New![0].ShouldBe(6);
    }

    [Fact]
    public async Task The_result_does_not_depend_on_the_order_of_either_side()
    {
        var old = Rows(Enumerable.Range(1, 200).ToArray());
        var @new = Rows(Enumerable.Range(50, 200).Reverse().ToArray());
        @new[150][1] = "x"; // id 99, on both sides
        var sink = await DiffAsync(old, @new);
        sink.Summary!.Changed.ShouldBe(1);
        sink.Summary.Added.ShouldBe(49);
        sink.Summary.Removed.ShouldBe(49);
    }

    [Fact]
    public async Task Only_rows_in_the_scope_are_compared()
    {
        var old = Rows(1, 2, 3);
        var @new = Rows(1, 2, 3, 4);
        @new[0][1] = "changed";
        @new[1][1] = "changed";
        var sink = await DiffAsync(old, @new, new HashSet<string>(StringComparer.Ordinal) { "2", "4" });
        sink.Rows.Select(r => (r.Kind, r.New![0])).ShouldBe([(DiffKind.Changed, (object?)2), (DiffKind.Added, 4)]);
    }

    [Fact]
    public async Task Two_rows_with_one_key_are_refused()
    {
        var old = Rows(1, 1);
        var error = await Should.ThrowAsync<OperationInputException>(() => DiffAsync(old, Rows(2)));
        error.Message.ShouldContain("id = 1");
    }

    [Fact]
    public void A_key_the_new_side_lacks_is_refused_naming_it()
    {
        var narrower = Table with { Columns = [.. Table.Columns.Where(c => c.Name != "a")] };
        var error = Should.Throw<OperationInputException>(() => DiffSchemaBuilder.Build(Table, narrower, ["a"], null));
        error.Message.ShouldContain("column a is missing on the new side");
    }

    [Fact]
    public void A_table_without_a_primary_key_needs_key()
    {
        var keyless = Table with { PrimaryKey = [] };
        Should.Throw<OperationInputException>(() => DiffSchemaBuilder.Build(keyless, keyless, null, null)).Message.ShouldContain("--key");
    }

    private static List<object?[]> Rows(params int[] ids) => [.. ids.Select(i => new object?[] { i, $"a{i}", i * 0.5 })];

    private static async Task<CollectingSink> DiffAsync(List<object?[]> old, List<object?[]> @new, IReadOnlySet<string>? scope = null)
    {
        var sink = new CollectingSink();
        var summary = await new TableDiffer(Schema, scope, [sink]).RunAsync(Support.Rows.Of(old), Support.Rows.Of(@new), CancellationToken.None);
        await sink.EndAsync(summary, CancellationToken.None);
        return sink;
    }
}

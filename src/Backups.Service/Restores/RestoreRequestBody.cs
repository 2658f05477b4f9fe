using Backups.Operations;
using Backups.Operations.Restore;
using Backups.Policies;
using Backups.Service.Scheduling;

namespace Backups.Service.Restores;

/// <summary>
/// The JSON body of <c>POST /restores</c>: the flags of <c>backups restore</c>, by the same names in camelCase
/// (<c>store</c> or <c>policy</c>, <c>at</c> or <c>snapshot</c>, <c>to</c>, <c>tables</c>, <c>schema</c>, <c>mode</c>,
/// <c>intoSource</c>, <c>yes</c>, <c>dryRun</c>, <c>parallelism</c>) and who asks (<c>requestedBy</c>).
/// </summary>
internal sealed record RestoreRequestBody
{
    public string? Store { get; init; }

    /// <summary>Or the name of a policy this service runs, whose store is used.</summary>
    public string? Policy { get; init; }

    public string? At { get; init; }

    public string? Snapshot { get; init; }

    /// <summary><c>KIND:CONNECTION</c>; <c>${VAR}</c> references resolve from the service's environment.</summary>
    public string? To { get; init; }

    public IReadOnlyList<string>? Tables { get; init; }

    public string? Schema { get; init; }

    public string? Mode { get; init; }

    public bool IntoSource { get; init; }

    public bool Yes { get; init; }

    public bool DryRun { get; init; }

    public int? Parallelism { get; init; }

    public string? RequestedBy { get; init; }

    /// <summary>The restore this body asks for; <see cref="OperationInputException"/> naming the field when it is malformed.</summary>
    public RestoreRequest ToRequest(PolicyRegistry policies, IReadOnlyDictionary<string, string?> environment, string? tempDirectory)
    {
        var store = (Store, Policy) switch
        {
            ({ Length: > 0 } url, null) => url,
            (null, { Length: > 0 } name) => policies.TryGet(name, out var policy)
                ? policy.Policy.StoreUrl
                : throw new OperationInputException($"policy: this service runs no policy '{name}' (it runs {string.Join(", ", policies.All.Select(p => p.Name))})"),
            _ => throw new OperationInputException("give exactly one of store (a store URL) and policy (the name of a policy this service runs)"),
        };
        if (To is not { Length: > 0 } to)
        {
            throw new OperationInputException("to: the target database is required, as KIND:CONNECTION");
        }
        string resolved;
        try
        {
            resolved = PolicyEnvironment.Resolve(to, environment, "to");
        }
        catch (ArgumentException e)
        {
            throw new OperationInputException(e.Message);
        }
        var target = DatabaseSpec.Parse(resolved, "to");
        return new RestoreRequest(store, SnapshotPointer.Parse(At, Snapshot), target.Kind, target.Connection)
        {
            Tables = Tables is { Count: > 0 } tables ? tables : null,
            Schema = Schema,
            Mode = Mode?.Trim().ToLowerInvariant() switch
            {
                null or "create" => RestoreMode.Create,
                "truncate" => RestoreMode.Truncate,
                "append" => RestoreMode.Append,
                _ => throw new OperationInputException($"mode: '{Mode}' is not one of create, truncate, append"),
            },
            ModeGiven = Mode is not null,
            IntoSource = IntoSource,
            Confirmed = Yes,
            DryRun = DryRun,
            Parallelism = Parallelism ?? 4,
            TempDirectory = tempDirectory,
        };
    }
}

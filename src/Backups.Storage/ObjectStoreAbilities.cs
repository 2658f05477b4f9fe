namespace Backups.Storage;

/// <summary>Finds optional abilities of a store, looking through wrappers (retry, dry run, fault injection).</summary>
public static class ObjectStoreAbilities
{
    /// <summary>
    /// The store as an <see cref="IArchiveStore"/>, or null when the underlying store has no archive classes.
    /// For a wrapper this returns the wrapper itself, so its behaviour (retries, dry run) applies to archive calls too.
    /// </summary>
    public static IArchiveStore? AsArchiveStore(this IObjectStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store switch
        {
            IObjectStoreDecorator decorator => decorator.Inner.AsArchiveStore() is null ? null : store as IArchiveStore,
            IArchiveStore archive => archive,
            _ => null,
        };
    }

    internal static IArchiveStore RequireArchive(IObjectStore inner) =>
        inner.AsArchiveStore() ?? throw new NotSupportedException($"{inner.Url} has no archive storage classes");
}

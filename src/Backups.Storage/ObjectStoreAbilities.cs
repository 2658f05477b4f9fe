namespace Backups.Storage;

/// <summary>
/// Finds optional abilities of a store, looking through wrappers (retry, dry run, fault injection). For a wrapper the
/// wrapper itself is returned, so its behaviour (retries, dry run) applies to the ability's calls too; a wrapper that
/// does not pass an ability on hides it (null), rather than letting calls bypass it.
/// </summary>
public static class ObjectStoreAbilities
{
    /// <summary>The store as an <see cref="IArchiveStore"/>, or null when the underlying store has no archive classes.</summary>
    public static IArchiveStore? AsArchiveStore(this IObjectStore store) => Find<IArchiveStore>(store);

    /// <summary>The store's open multipart uploads, or null when it has none (a directory).</summary>
    public static IMultipartUploadLister? AsMultipartUploadLister(this IObjectStore store) => Find<IMultipartUploadLister>(store);

    public static IMultipartUploadAborter? AsMultipartUploadAborter(this IObjectStore store) => Find<IMultipartUploadAborter>(store);

    /// <summary>The store's own temporary files, or null when it writes none (S3).</summary>
    public static ITemporaryFileLister? AsTemporaryFileLister(this IObjectStore store) => Find<ITemporaryFileLister>(store);

    public static ITemporaryFileDeleter? AsTemporaryFileDeleter(this IObjectStore store) => Find<ITemporaryFileDeleter>(store);

    internal static IArchiveStore RequireArchive(IObjectStore inner) =>
        inner.AsArchiveStore() ?? throw new NotSupportedException($"{inner.Url} has no archive storage classes");

    internal static T Require<T>(IObjectStore inner, string what)
        where T : class =>
        Find<T>(inner) ?? throw new NotSupportedException($"{inner.Url} has no {what}");

    private static T? Find<T>(IObjectStore store)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(store);
        return store switch
        {
            IObjectStoreDecorator decorator => Find<T>(decorator.Inner) is null ? null : store as T,
            T ability => ability,
            _ => null,
        };
    }
}

using Backups.Storage.Wrappers;

namespace Backups.Storage.Tests.Support;

internal static class FaultInjectingExtensions
{
    /// <summary>The wrapped store, to arrange data without counting calls.</summary>
    public static IObjectStore Inner(this FaultInjectingObjectStore store) => ((IObjectStoreDecorator)store).Inner;
}

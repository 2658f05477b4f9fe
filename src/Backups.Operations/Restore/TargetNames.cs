using System.Globalization;
using Backups.Domain.Schema;

namespace Backups.Operations.Restore;

/// <summary>How databases are named in messages: dialect, server and database, never credentials.</summary>
internal static class TargetNames
{
    /// <summary>e.g. <c>postgres 127.0.0.1:5432/spare</c> or <c>sqlite /var/lib/app.db</c>.</summary>
    public static string Describe(SourceIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.Server is null
            ? string.Create(CultureInfo.InvariantCulture, $"{identity.Kind} {identity.Database}")
            : string.Create(CultureInfo.InvariantCulture, $"{identity.Kind} {identity.Server}/{identity.Database}");
    }
}

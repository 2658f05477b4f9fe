using System.Reflection;

namespace Backups.Snapshots.Columnar;

/// <summary>The <c>created_by</c> this tool's encoder writes into every part, by which its decoder knows its own files.</summary>
internal static class PartWriterIdentity
{
    public const string Prefix = "backups version ";

    public static readonly string CreatedBy = Prefix +
        (typeof(PartWriterIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");
}

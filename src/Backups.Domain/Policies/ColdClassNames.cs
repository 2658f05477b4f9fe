namespace Backups.Domain.Policies;

/// <summary>
/// The names of cold classes in policy files (<c>auto</c>, <c>glacier-ir</c>, <c>glacier</c>, <c>deep-archive</c>)
/// and the S3 storage class each one means. The S3 names (<c>GLACIER_IR</c>, <c>DEEP_ARCHIVE</c>) are accepted too.
/// </summary>
public static class ColdClassNames
{
    public static IReadOnlyList<string> All { get; } = ["auto", "glacier-ir", "glacier", "deep-archive"];

    public static string Name(this ColdClass coldClass) => coldClass switch
    {
        ColdClass.Auto => "auto",
        ColdClass.GlacierIr => "glacier-ir",
        ColdClass.Glacier => "glacier",
        ColdClass.DeepArchive => "deep-archive",
        _ => throw new ArgumentOutOfRangeException(nameof(coldClass), coldClass, null),
    };

    /// <summary>The S3 storage class name, or null for <see cref="ColdClass.Auto"/> (the cost model decides).</summary>
    public static string? StorageClass(this ColdClass coldClass) => coldClass switch
    {
        ColdClass.Auto => null,
        ColdClass.GlacierIr => "GLACIER_IR",
        ColdClass.Glacier => "GLACIER",
        ColdClass.DeepArchive => "DEEP_ARCHIVE",
        _ => throw new ArgumentOutOfRangeException(nameof(coldClass), coldClass, null),
    };

    public static bool TryParse(string text, out ColdClass coldClass)
    {
        switch (text.Trim().ToLowerInvariant().Replace('_', '-'))
        {
            case "auto": coldClass = ColdClass.Auto; return true;
            case "glacier-ir": coldClass = ColdClass.GlacierIr; return true;
            case "glacier": coldClass = ColdClass.Glacier; return true;
            case "deep-archive": coldClass = ColdClass.DeepArchive; return true;
            default: coldClass = default; return false;
        }
    }
}

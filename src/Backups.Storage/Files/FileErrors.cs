namespace Backups.Storage.Files;

/// <summary>Plain descriptions of file system errors for <see cref="StoreUnavailableException"/> messages.</summary>
internal static class FileErrors
{
    private const int UnixNoSpace = 28;          // ENOSPC
    private const int UnixQuotaExceeded = 122;   // EDQUOT
    private const int UnixReadOnlyFs = 30;       // EROFS
    private const int WindowsDiskFull = 0x70;    // ERROR_DISK_FULL
    private const int WindowsHandleDiskFull = 0x27;

    public static string Describe(Exception error) => error switch
    {
        IOException io when IsDiskFull(io) => $"the disk is full (no space left on device: {io.Message})",
        IOException io when (io.HResult & 0xFFFF) == UnixReadOnlyFs && !OperatingSystem.IsWindows() =>
            $"the file system is read-only ({io.Message})",
        UnauthorizedAccessException denied => $"permission denied ({denied.Message})",
        _ => error.Message,
    };

    public static bool IsDiskFull(IOException error)
    {
        var code = error.HResult & 0xFFFF;
        return OperatingSystem.IsWindows()
            ? code is WindowsDiskFull or WindowsHandleDiskFull
            : code is UnixNoSpace or UnixQuotaExceeded;
    }
}

namespace Backups.Operations;

/// <summary>
/// The local directory for temporary files (<c>$BACKUPS_TEMP</c>, else the system's) cannot be written: the disk is
/// full, or it is missing or read-only. Nothing partial became visible in the store.
/// </summary>
public sealed class TemporaryStorageException(string message, Exception inner) : Exception(message, inner)
{
    private const int UnixNoSpace = 28;          // ENOSPC
    private const int UnixQuotaExceeded = 122;   // EDQUOT
    private const int UnixReadOnlyFs = 30;       // EROFS

    /// <summary>A message naming the directory and the cause, and what to do about it.</summary>
    public static TemporaryStorageException For(string directory, string what, Exception error, string verb = "write")
    {
        ArgumentNullException.ThrowIfNull(error);
        var cause = error switch
        {
            IOException io when IsDiskFull(io) => $"the disk is full ({io.Message}); free space there or set BACKUPS_TEMP to a directory on a larger disk",
            IOException io when !OperatingSystem.IsWindows() && (io.HResult & 0xFFFF) == UnixReadOnlyFs => $"the file system is read-only ({io.Message}); set BACKUPS_TEMP to a writable directory",
            UnauthorizedAccessException denied => $"permission denied ({denied.Message}); set BACKUPS_TEMP to a writable directory",
            _ => $"{error.Message}; set BACKUPS_TEMP to a writable directory with free space",
        };
        return new TemporaryStorageException($"cannot {verb} {what} in {directory} (the temporary directory, BACKUPS_TEMP): {cause}", error);
    }

    /// <summary>True for "no space left on device" and "disk quota exceeded".</summary>
    public static bool IsDiskFull(IOException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var code = error.HResult & 0xFFFF;
        return OperatingSystem.IsWindows() ? code is 0x70 or 0x27 : code is UnixNoSpace or UnixQuotaExceeded;
    }
}

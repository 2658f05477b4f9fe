using Backups.Operations;
using Backups.Snapshots;
using Backups.Sources;
using Backups.Storage;

namespace Backups.Cli.Infrastructure;

/// <summary>Maps the failures an operator can act on to one clear line and an exit code (README lists them).</summary>
internal static class ErrorMapping
{
    public static bool TryMap(Exception exception, out int exitCode, out string message)
    {
        (exitCode, message) = exception switch
        {
            OperationInputException e => (ExitCodes.BadInput, e.Message),
            SourceUnavailableException e => (ExitCodes.Unavailable, e.Message),
            StoreUnavailableException e => (ExitCodes.Unavailable, e.Message),
            TableSelectionException e => (ExitCodes.BadInput, e.Message),
            UnsupportedColumnTypeException e => (ExitCodes.BadInput, e.Message),
            TableVanishedException e => (ExitCodes.Failed, e.Message),
            TableLockException e => (ExitCodes.Failed, e.Message),
            SourceValueException e => (ExitCodes.Failed, e.Message),
            SourceReadException e => (ExitCodes.Failed, e.Message),
            TemporaryStorageException e => (ExitCodes.Unavailable, e.Message),
            IOException e when TemporaryStorageException.IsDiskFull(e) =>
                (ExitCodes.Unavailable, $"the disk is full ({e.Message}); free space, or set BACKUPS_TEMP to a directory on a larger disk"),
            SnapshotCorruptException e => (ExitCodes.Failed, e.Message),
            SnapshotFormatException e => (ExitCodes.Failed, e.Message),
            ObjectArchivedException e => (ExitCodes.Failed, e.Message),
            ObjectNotFoundException e => (ExitCodes.Failed, e.Message),
            NotSupportedException e => (ExitCodes.BadInput, e.Message),
            _ => (0, ""),
        };
        if (exception is SourceUnavailableException or StoreUnavailableException or TableVanishedException or TableLockException or SourceValueException
            or SourceReadException or TemporaryStorageException)
        {
            // These can interrupt a snapshot half-way: say that nothing half-written is visible.
            message += " (no snapshot was committed; nothing partial is visible)";
        }
        return exitCode != 0;
    }
}

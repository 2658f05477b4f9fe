namespace Backups.Storage.Wrappers;

public enum MutationKind
{
    Put,
    Delete,
    ChangeStorageClass,
    RequestRestore,
    AbortMultipartUpload,
    DeleteTemporaryFile,
}

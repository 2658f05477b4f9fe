namespace Backups.Storage.Wrappers;

public enum StoreOperation
{
    OpenRead,
    Head,
    Put,
    List,
    Delete,
    ChangeStorageClass,
    RequestRestore,
    GetRestoreStatus,
    ListMultipartUploads,
    AbortMultipartUpload,
    ListTemporaryFiles,
    DeleteTemporaryFile,
}

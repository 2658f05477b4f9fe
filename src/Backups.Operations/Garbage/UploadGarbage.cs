using Backups.Storage;

namespace Backups.Operations.Garbage;

/// <summary>An open multipart upload (S3), and whether gc may abort it yet.</summary>
public sealed record UploadGarbage(OpenMultipartUpload Upload, bool Eligible, string Reason);

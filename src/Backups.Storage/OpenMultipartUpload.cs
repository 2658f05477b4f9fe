using NodaTime;

namespace Backups.Storage;

/// <summary>A multipart upload begun and neither completed nor aborted: its parts take space but form no object.</summary>
/// <param name="Key">The key the upload would create, relative to the store root.</param>
/// <param name="UploadId">The server's id of the upload.</param>
/// <param name="Initiated">When it was begun (the server's clock), when the server says.</param>
public sealed record OpenMultipartUpload(string Key, string UploadId, Instant? Initiated);

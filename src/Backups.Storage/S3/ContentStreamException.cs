namespace Backups.Storage.S3;

/// <summary>
/// Carries an error of the caller's content stream through the upload, so it reaches the caller unchanged
/// rather than being mistaken for an S3 error.
/// </summary>
internal sealed class ContentStreamException(Exception inner) : Exception(inner.Message, inner);

using NodaTime;

namespace Backups.Storage;

/// <summary>A store's own temporary file (an object being written, or left by a process that died writing it).</summary>
/// <param name="Name">Its name in the store's temporary area (no directory part).</param>
/// <param name="Size">Bytes.</param>
/// <param name="LastWritten">When it was last written (the file system's clock).</param>
public sealed record TemporaryFile(string Name, long Size, Instant LastWritten);

namespace Backups.Bench;

/// <summary>A bad command line for a bench mode; the message says what is wrong.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);

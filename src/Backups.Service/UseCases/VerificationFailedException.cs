namespace Backups.Service.UseCases;

/// <summary>A sampled snapshot does not match its manifest: the verify job fails and counts as a failure in /metrics.</summary>
internal sealed class VerificationFailedException(string message) : Exception(message);

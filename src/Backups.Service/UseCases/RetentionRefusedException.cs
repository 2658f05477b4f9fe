namespace Backups.Service.UseCases;

/// <summary>A retention guard refused the plan: nothing was expired, and the job counts as failed until someone looks.</summary>
internal sealed class RetentionRefusedException(string message) : Exception(message);

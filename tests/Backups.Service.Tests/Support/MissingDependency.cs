namespace Backups.Service.Tests.Support;

/// <summary>A type nothing registers: whatever depends on it cannot be constructed.</summary>
internal sealed class MissingDependency;

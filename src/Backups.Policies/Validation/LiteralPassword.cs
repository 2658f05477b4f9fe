namespace Backups.Policies.Validation;

/// <summary>A password written literally in a connection: where it (or its key) starts, and how it was written.</summary>
internal readonly record struct LiteralPassword(int Index, string Form);

namespace Backups.Policies.Validation;

/// <summary>One <c>${NAME}</c> reference: where it starts in the text, how long it is, and the variable's name.</summary>
internal readonly record struct EnvReference(int Index, int Length, string Name);

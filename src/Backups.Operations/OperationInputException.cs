namespace Backups.Operations;

/// <summary>The operator asked for something that cannot be done as asked (unknown id, bad URL, ...). Nothing was changed.</summary>
public sealed class OperationInputException(string message) : Exception(message);

namespace Backups.Storage;

/// <summary>The object asked for does not exist in the store.</summary>
public sealed class ObjectNotFoundException(string storeUrl, string key)
    : Exception($"object '{key}' not found in {storeUrl}")
{
    public string Key { get; } = key;
}

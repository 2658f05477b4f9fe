namespace Backups.Storage;

/// <summary>A wrapper around another store; lets <see cref="ObjectStoreAbilities"/> look through it.</summary>
internal interface IObjectStoreDecorator
{
    IObjectStore Inner { get; }
}

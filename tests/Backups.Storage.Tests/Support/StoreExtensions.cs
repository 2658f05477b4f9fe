using System.Security.Cryptography;
using System.Text;

namespace Backups.Storage.Tests.Support;

internal static class StoreExtensions
{
    public static Task PutTextAsync(this IObjectStore store, string key, string text) =>
        store.PutAsync(key, new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);

    public static async Task<string> ReadTextAsync(this IObjectStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, CancellationToken.None);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    public static async Task<string> Sha256HexAsync(this IObjectStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, CancellationToken.None);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream));
    }

    public static async Task<List<ObjectInfo>> ListAllAsync(this IObjectStore store, string prefix = "")
    {
        var items = new List<ObjectInfo>();
        await foreach (var item in store.ListAsync(prefix, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }
}

namespace Backups.Service.UseCases;

/// <summary>Which snapshots a weekly verification reads: always the newest, plus a few others picked at random.</summary>
internal static class VerifySample
{
    /// <param name="idsOldestFirst">The policy's complete snapshots, oldest first.</param>
    /// <param name="random">How many besides the newest (fewer when there are not that many).</param>
    /// <param name="rng">The source of randomness.</param>
    /// <returns>The newest first, then the random picks; no id twice.</returns>
    public static IReadOnlyList<string> Choose(IReadOnlyList<string> idsOldestFirst, int random, Random rng)
    {
        ArgumentNullException.ThrowIfNull(idsOldestFirst);
        ArgumentNullException.ThrowIfNull(rng);
        if (idsOldestFirst.Count == 0)
        {
            return [];
        }
        var others = idsOldestFirst.Take(idsOldestFirst.Count - 1).ToArray();
        rng.Shuffle(others);
        return [idsOldestFirst[^1], .. others.Take(Math.Max(0, random))];
    }
}

namespace Summits.Grains;

/// <summary>A persistent state that keeps itself in the activation alone or in the grain storage, as it is told.</summary>
internal interface IStorageChoice
{
    /// <summary>
    /// Keeps the state in the activation alone (<paramref name="inMemory"/> true: a fresh state, nothing read) or in the
    /// grain storage (false: what storage holds, read now); nothing changes when it is kept there already.
    /// </summary>
    Task KeepAsync(bool inMemory);

    /// <summary>True while the state is kept in the activation alone, false while it is kept in the grain storage.</summary>
    bool InMemory { get; }
}

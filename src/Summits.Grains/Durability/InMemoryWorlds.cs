namespace Summits.Grains;

/// <summary>
/// Marks the calls of a world that needs no durability (a Monte Carlo sample): a world whose grains activate under
/// such a call keep their state in memory alone and never touch the grain storage
/// (<see cref="DurableOrInMemoryStateFactory"/>). The mark travels in the Orleans request context, which Orleans carries with every
/// call, on to the calls a grain makes while serving it, and into the activation the call starts, so a world's
/// countries, topics and timeline pages learn it from the world's calls, as the world learns it from the client's.
/// </summary>
/// <remarks>
/// Such a world lives as long as its activations: it cannot come back from a checkpoint, since it writes none. A grain
/// of it that activates again (the silo deactivated it, or a call without the mark reached it) reads what storage
/// holds, nothing, and answers that it has not been seeded, so a lost sample fails loudly rather than answering wrong.
/// </remarks>
public static class InMemoryWorlds
{
    /// <summary>The request-context key of the mark; its value is <see langword="true"/>.</summary>
    public const string Key = "summits.in-memory";

    /// <summary>True when the call being served, or about to be made, belongs to a world that keeps its state in memory alone.</summary>
    public static bool IsCurrent => RequestContext.Get(Key) is true;

    /// <summary>
    /// Marks every grain call made in this asynchronous flow, until the returned scope is disposed, as a call of a
    /// world kept in memory alone. The world must be a fresh one: its grains take the mark as they activate.
    /// </summary>
    /// <returns>A scope whose disposal removes the mark, unless the flow was marked already when it began.</returns>
    public static IDisposable Begin()
    {
        var marked = IsCurrent;
        RequestContext.Set(Key, true);
        return new Scope(marked);
    }

    private sealed class Scope(bool markedBefore) : IDisposable
    {
        public void Dispose()
        {
            if (!markedBefore)
                RequestContext.Remove(Key);
        }
    }
}

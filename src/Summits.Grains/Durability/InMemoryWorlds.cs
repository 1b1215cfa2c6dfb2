namespace Summits.Grains;

/// <summary>
/// Marks the calls of a world that needs no durability (a Monte Carlo sample): a world whose grains activate under
/// such a call keep their state in memory alone and never touch the grain storage
/// (<see cref="DurableOrInMemoryStateFactory"/>). The mark travels in the Orleans request context, which Orleans carries with every
/// call, on to the calls a grain makes while serving it, and into the activation the call starts, so a world's
/// countries and topics learn it from the world's calls, as the world learns it from the client's.
/// A grain reads the mark as it activates and as it is seeded (<see cref="FollowSeedingAsync{TState}"/>), so a run marks
/// only the call that seeds its world, which reaches the world and each of its countries and topics (the
/// <c>inMemory</c> of <c>ScenarioRun.InGrainsAsync</c>), or the one call of a study's sample
/// (<see cref="IWorldGrain.RunSample"/>), whose world grain passes the mark on to its seeding alone
/// (<see cref="EndInThisCall"/>): its other calls carry no mark.
/// </summary>
/// <remarks>
/// Such a world lives as long as its activations: it cannot come back from a checkpoint, since it writes none. A grain
/// of it that activates again (the silo deactivated it) under a call without the mark reads what storage holds,
/// nothing, and answers that it has not been seeded, so a lost sample fails loudly rather than answering wrong; the
/// lane's next seeding keeps it in memory again. A topic's call of an advance first asks its world for the seeding it
/// lost (<see cref="IWorldGrain.TopicSeeding"/>) and keeps it in memory: that is right for a topic the run has not
/// changed, and a run that had changed it still fails, at the end of its advance or at its checkpoint.
/// </remarks>
public static class InMemoryWorlds
{
    /// <summary>The request-context key of the mark; its value is <see langword="true"/>.</summary>
    public const string Key = "summits.in-memory";

    /// <summary>True when the call being served, or about to be made, belongs to a world that keeps its state in memory alone.</summary>
    public static bool IsCurrent => RequestContext.Get(Key) is true;

    /// <summary>
    /// Makes <paramref name="state"/>, one of the grain's persistent states, follow the call that seeds the grain: kept
    /// in the activation alone when the call carries the mark, in the grain storage when it does not, whichever the
    /// activation began with. Seeding is where a world's life begins, so it decides: an activation of a sample's grain
    /// that began under an unmarked call (a call asked again after the grain was lost, which found nothing stored) is
    /// kept in memory from the lane's next seeding on, and never writes that sample or a later one to storage; a grain
    /// kept in memory that a durable world seeds reads what storage holds first, so that its writes carry the stored
    /// version. A state that does not choose its storage (one Orleans' own factory made) is left as it is.
    /// </summary>
    /// <returns>A task that completes once the state is kept where the call says: at once, or after the storage's read.</returns>
    /// <exception cref="Exception">Whatever the grain storage throws on that read.</exception>
    public static Task FollowSeedingAsync<TState>(IPersistentState<TState> state) =>
        state is IStorageChoice choice ? choice.KeepAsync(IsCurrent) : Task.CompletedTask;

    /// <summary>
    /// Marks every grain call made in this asynchronous flow, until the returned scope is disposed, as a call of a
    /// world kept in memory alone: its grains take the mark as they activate and as they are seeded.
    /// </summary>
    /// <returns>A scope whose disposal removes the mark, unless the flow was marked already when it began.</returns>
    public static IDisposable Begin()
    {
        var marked = IsCurrent;
        RequestContext.Set(Key, true);
        return new Scope(marked);
    }

    /// <summary>
    /// Removes the mark from the rest of this flow: a world grain that has seeded its world under the caller's mark makes
    /// its run's calls without it (<see cref="IWorldGrain.RunSample"/>), so that Orleans copies no request context for
    /// them. The caller's own flow keeps its mark.
    /// </summary>
    internal static void EndInThisCall() => RequestContext.Remove(Key);

    private sealed class Scope(bool markedBefore) : IDisposable
    {
        public void Dispose()
        {
            if (!markedBefore)
                RequestContext.Remove(Key);
        }
    }
}

namespace Summits.Grains;

/// <summary>
/// A grain whose whole state (<typeparamref name="T"/>: a country's <see cref="Summits.Model.Delegation"/>, a topic's
/// <see cref="Summits.Model.Table"/>) a world grain copies to run an autonomous step (rounds, spatial-model turns) on the
/// pure model, and hands back when the step ends or a checkpoint comes. Every call carries the
/// <see cref="AdvanceAttempt"/>, and starts or resumes the grain's checkpoint as any call of an advance does.
/// </summary>
/// <typeparam name="T">The grain's state, a mutable class the Orleans serializer copies.</typeparam>
[Alias("summits.held-state-grain`1")]
public interface IHeldStateGrain<T> : IGrainWithStringKey
{
    /// <summary>
    /// The grain's whole state as the advance in progress sees it (for a country, its actor, its positions and the
    /// answers of the advance in progress), a copy the caller may change, with whether the attempt has changed the grain
    /// and which activation answered (<see cref="During{T}"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The grain has not been seeded, and, for a topic, its world has no seeding to give it (a topic of a world kept in
    /// memory that holds nothing first takes its seeding from its world: <see cref="IWorldGrain.TopicSeeding"/>).
    /// </exception>
    [Alias("StateDuring")]
    Task<During<T>> StateDuring(AdvanceAttempt attempt, CancellationToken cancellation = default);

    /// <summary>
    /// Replaces the grain's state in memory with <paramref name="state"/>, as a call of the attempt that changes it
    /// (counted with the model's changing calls, Evaluate, Propose, Shock, Record, Apply and Join, for its commit): an
    /// autonomous step that ended between two checkpoints hands its copy back, so that the steps after it find the grain
    /// as the step left it. The caller gives <paramref name="state"/> up: it changes it no more, so that in one silo the
    /// grain takes the object itself rather than Orleans' copy of it (<c>[Immutable]</c>); across silos it is sent as any
    /// argument is.
    /// </summary>
    [Alias("Hold")]
    Task<During<bool>> Hold([Immutable] T state, AdvanceAttempt attempt);

    /// <summary>
    /// <see cref="Hold"/> and the grain's commit in one call, at a checkpoint: the state becomes <paramref name="state"/>
    /// and is written, once. <paramref name="calls"/> is how many calls that may change the grain the attempt made to it,
    /// this one included.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The grain's activation did not serve all <paramref name="calls"/> (the silo deactivated it part way through the
    /// attempt, and the changes of the calls it served before are lost): nothing is written, and the advance must fail and
    /// be run again.
    /// </exception>
    [Alias("CommitHeld")]
    Task CommitHeld(T state, AdvanceAttempt attempt, int calls);
}

namespace Summits.Grains;

/// <summary>
/// A grain's whole state as an autonomous step (rounds, spatial-model turns) left it, handed back with the grain's next
/// call of the attempt instead of a call of its own (<see cref="IHeldStateGrain{T}.Hold"/>): the grain takes it as
/// <c>Hold</c> would have under <paramref name="Attempt"/>, the advance the step ended in, before it serves the call.
/// The caller gives <paramref name="State"/> up, as it does to <c>Hold</c>: in one silo the grain takes the object itself.
/// </summary>
/// <typeparam name="T">The grain's state: a country's <see cref="Summits.Model.Delegation"/>.</typeparam>
/// <param name="State">The state the step left.</param>
/// <param name="Attempt">The attempt at the advance the step ran in, which may be earlier than the call's own.</param>
[GenerateSerializer, Immutable, Alias("summits.handed-back`1")]
public sealed record HandedBack<T>([Id(0)] T State, [Id(1)] AdvanceAttempt Attempt);

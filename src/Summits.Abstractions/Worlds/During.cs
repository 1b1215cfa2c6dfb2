namespace Summits.Grains;

/// <summary>
/// A country's or topic's answer to a call of an advance, with whether the attempt has changed the grain in memory so
/// far, what tells the world which grains a checkpoint must commit, and which activation of the grain answered, what
/// tells the world whether a grain the attempt changed has lost its changes.
/// </summary>
/// <param name="Value">The answer itself.</param>
/// <param name="Dirty">
/// True when the grain holds what storage does not: a call of the attempt changed it, or the attempt's first call
/// went back to its checkpoint (a retried advance, whose failed try may have written the state after it). False when
/// the attempt has only read it, so that a commit would write nothing.
/// </param>
/// <param name="Activation">
/// The activation of the grain that answered, new each time the grain activates: a grain the attempt changed that
/// answers from two activations lost the changes the first held, and the advance that found it must be run again.
/// </param>
[GenerateSerializer, Immutable, Alias("summits.during`1")]
public sealed record During<T>([Id(0)] T Value, [Id(1)] bool Dirty, [Id(2)] Guid Activation);

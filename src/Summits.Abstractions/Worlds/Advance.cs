using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>
/// What one call of <see cref="IWorldGrain.Advance(int, int, CancellationToken)"/> ran: the events its advances added, in
/// order; whether the run has finished; the run's failed expectations so far (0 or more); and how many advances the call
/// ran (1 or more), so that the caller's next call names advance <c>step + Advances</c>.
/// </summary>
/// <remarks>
/// <see cref="Advances"/> came after the other members: a world stored before it kept its last answer whole
/// (<c>WorldState.Last</c>), of one advance, which reads it as 0 and which the world answers as 1.
/// </remarks>
[GenerateSerializer, Immutable, Alias("summits.advance")]
public sealed record Advance([Id(0)] ImmutableArray<TimelineEvent> Events, [Id(1)] bool Finished, [Id(2)] int Failures, [Id(3)] int Advances = 1);

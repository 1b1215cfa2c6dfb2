using Summits.Model;

namespace Summits.Grains;

/// <summary>
/// What one call of <see cref="IWorldGrain.RunSample"/> answers: its advances' answer, as one call of
/// <see cref="IWorldGrain.Advance(int, int, CancellationToken)"/> gives it (events, at most
/// <see cref="IWorldGrain.TimelineMost"/> of them or a little more, and whether the run finished), and, when the run
/// finished, the world read back as <see cref="IWorldGrain.Final"/> reads it; null when it did not, and the caller goes
/// on call by call from advance <c>First.Advances</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("summits.sample-end")]
public sealed record SampleEnd([Id(0)] Advance First, [Id(1)] World? Final);

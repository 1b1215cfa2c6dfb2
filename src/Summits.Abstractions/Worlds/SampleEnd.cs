using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>
/// What one call of <see cref="IWorldGrain.RunSample"/> answers: the run's whole timeline, in order; the world as its
/// grains held it at the run's end, read back as <see cref="IWorldGrain.Final"/> reads it; and the run's failed
/// expectations (0 or more).
/// </summary>
/// <remarks>
/// In one silo the timeline is the world grain's own page, handed over with no copy. Across silos it is one message,
/// which Orleans refuses over 100 MB (about a million events at the 103 bytes an event takes as Orleans sends it).
/// </remarks>
[GenerateSerializer, Immutable, Alias("summits.sample-end")]
public sealed record SampleEnd([Id(0)] ImmutableArray<TimelineEvent> Timeline, [Id(1)] World Final, [Id(2)] int Failures);

using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>What <see cref="IWorldGrain.Watch"/> answers: the first of the events a watcher has not seen, how many there are, and whether the run has finished.</summary>
/// <param name="Events">
/// The run's events numbered after the one the watcher named, in order, as the timeline holds them when the
/// subscription begins (in the same turn of the world grain, so that the first event pushed after it is the next one).
/// </param>
/// <param name="Finished">The finished run's event count (its last event's number); null while the run goes on.</param>
/// <param name="Written">
/// How many events the run had written when the subscription began (its last event's number then): a watcher whose
/// <paramref name="Events"/> stop short of it (an answer holds at most <see cref="IWorldGrain.TimelineMost"/>) reads the
/// rest by <see cref="IWorldGrain.Timeline"/>.
/// </param>
[GenerateSerializer, Immutable, Alias("summits.world-watch")]
public sealed record WorldWatch([Id(0)] ImmutableArray<TimelineEvent> Events, [Id(1)] int? Finished, [Id(2)] int Written);

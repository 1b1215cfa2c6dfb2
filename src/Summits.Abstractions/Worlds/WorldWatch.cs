using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>What <see cref="IWorldGrain.Watch"/> answers: the events a watcher has not seen, and whether the run has finished.</summary>
/// <param name="Events">
/// The run's events numbered after the one the watcher named, in order, as the timeline holds them when the
/// subscription begins (in the same turn of the world grain, so that the first event pushed after it is the next one).
/// </param>
/// <param name="Finished">The finished run's event count (its last event's number); null while the run goes on.</param>
[GenerateSerializer, Immutable, Alias("summits.world-watch")]
public sealed record WorldWatch([Id(0)] ImmutableArray<TimelineEvent> Events, [Id(1)] int? Finished);

using System.Collections.Immutable;
using Orleans.Concurrency;
using Summits.Model;

namespace Summits.Grains;

/// <summary>
/// A client watching a world's run (<c>summits worlds watch</c>): the world grain pushes it each advance's events and
/// the run's end. Calls are one-way, so that a slow or vanished watcher never holds the run up; one that is lost is made
/// good by the watcher's next <see cref="IWorldGrain.Watch"/>, which answers every event after the last it printed.
/// </summary>
[Alias("summits.world-watcher")]
public interface IWorldWatcher : IGrainObserver
{
    /// <summary>
    /// The events an advance added, in order, each numbered by its <see cref="TimelineEvent.Seq"/> (1 for the run's first).
    /// An advance run again after its world's silo died (from the last checkpoint, the same way) sends the same events
    /// again, with the same numbers: a watcher prints each number once.
    /// </summary>
    [OneWay, Alias("Wrote")]
    Task Wrote(ImmutableArray<TimelineEvent> events);

    /// <summary>
    /// The run has stopped: <paramref name="events"/> is the finished run's event count (its last event's number);
    /// null when it stopped without finishing (its driver gave up on an advance, or the world was retired).
    /// </summary>
    [OneWay, Alias("Stopped")]
    Task Stopped(int? events);
}

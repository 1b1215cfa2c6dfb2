using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>
/// The events of one advance of a world's run, keyed <c>{world}/timeline-{n}</c>: written once,
/// so that a long run does not rewrite its whole timeline at every advance.
/// </summary>
[Alias("summits.timeline-page-grain")]
public interface ITimelinePageGrain : IGrainWithStringKey
{
    [Alias("Write")]
    Task Write(ImmutableArray<TimelineEvent> events);

    [Alias("Read")]
    Task<ImmutableArray<TimelineEvent>> Read();

    /// <summary>Clears this page's stored state and deactivates it.</summary>
    [Alias("Retire")]
    Task Retire();
}

using Summits.Model;

namespace Summits.Grains;

/// <summary>
/// The persisted state of a timeline page: the events one checkpoint wrote, in timeline order. A page is written once
/// and never changed in place: its grain puts a new page in the old one's stead. That is what <see cref="ImmutableAttribute"/>
/// promises, so Orleans passes a page between grains without copying it, and the embedded silo's storage keeps the
/// page written, not its bytes (<c>SiloMemoryStorage</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("summits.timeline-page")]
public sealed class TimelinePage
{
    [Id(0)] public List<TimelineEvent> Events { get; init; } = [];
}

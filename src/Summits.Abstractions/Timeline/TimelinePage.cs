using Summits.Model;

namespace Summits.Grains;

/// <summary>The persisted state of a timeline page.</summary>
[GenerateSerializer, Alias("summits.timeline-page")]
public sealed class TimelinePage
{
    [Id(0)] public List<TimelineEvent> Events { get; set; } = [];
}

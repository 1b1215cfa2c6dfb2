using Summits.Model;

namespace Summits.Grains;

/// <summary>The persisted state of a topic grain.</summary>
[GenerateSerializer]
public sealed class TopicState
{
    [Id(0)] public Topic? Topic { get; set; }

    [Id(1)] public List<string> Participants { get; set; } = [];

    [Id(2)] public List<Agreement> Agreements { get; set; } = [];
}

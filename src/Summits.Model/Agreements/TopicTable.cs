using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A topic as its table stands: who holds a position on it and what has been agreed.</summary>
[GenerateSerializer, Immutable, Alias("summits.topic-table")]
public sealed record TopicTable([Id(0)] Topic Topic, [Id(1)] ImmutableArray<string> Participants, [Id(2)] ImmutableArray<Agreement> Agreements);

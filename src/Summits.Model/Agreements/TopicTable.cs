using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A topic as its table stands: who holds a position on it and what has been agreed.</summary>
[GenerateSerializer, Immutable]
public sealed record TopicTable(Topic Topic, ImmutableArray<string> Participants, ImmutableArray<Agreement> Agreements);

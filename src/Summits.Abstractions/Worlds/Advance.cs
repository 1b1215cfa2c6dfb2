using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>What one advance of a run added, and whether the run has finished.</summary>
[GenerateSerializer, Immutable, Alias("summits.advance")]
public sealed record Advance([Id(0)] ImmutableArray<TimelineEvent> Events, [Id(1)] bool Finished, [Id(2)] int Failures);

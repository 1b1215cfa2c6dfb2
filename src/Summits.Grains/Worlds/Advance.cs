using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>What one advance of a run added, and whether the run has finished.</summary>
[GenerateSerializer, Immutable]
public sealed record Advance(ImmutableArray<TimelineEvent> Events, bool Finished, int Failures);

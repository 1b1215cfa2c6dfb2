using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>What one shock change did to a delegation: the number before and after, and any agreement it strained.</summary>
[GenerateSerializer, Immutable, Alias("summits.shock-outcome")]
public sealed record ShockOutcome([Id(0)] EventKind Kind, [Id(1)] double Before, [Id(2)] double After, [Id(3)] ImmutableArray<CommitmentChange> Changes);

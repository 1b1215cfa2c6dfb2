using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>What one shock change did to a delegation: the number before and after, and any agreement it strained.</summary>
[GenerateSerializer, Immutable]
public sealed record ShockOutcome(EventKind Kind, double Before, double After, ImmutableArray<CommitmentChange> Changes);

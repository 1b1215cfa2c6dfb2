using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>What a proposer's country answers when it makes a proposal.</summary>
/// <param name="Changes">The status changes its own terms cause to agreements it is party to (strained or breached); empty when none.</param>
/// <param name="Capability">
/// The proposer's capability (0–1) as it proposed: what the proposal carries to its recipients
/// (<see cref="Proposal.ProposerCapability"/>) and what an agreement rule that weighs capability counts for the
/// proposer, carried with the answer so that a run needs no read of the proposer's actor.
/// </param>
[GenerateSerializer, Immutable, Alias("summits.proposed")]
public sealed record Proposed(
    [Id(0)] ImmutableArray<CommitmentChange> Changes,
    [Id(1)] double Capability);

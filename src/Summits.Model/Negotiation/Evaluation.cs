using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>How one recipient judged a proposal: its answer, the utilities behind it, and what it moved.</summary>
/// <param name="Utility">The recipient's utility of the proposed terms.</param>
/// <param name="Reservation">The utility it needed: of its current agreements, or of no deal.</param>
[GenerateSerializer, Immutable]
public sealed record Evaluation(
    string Actor,
    string ProposalId,
    Response Response,
    double Utility,
    double Reservation,
    ImmutableArray<Term> Counter,
    ImmutableArray<Move> Moves,
    ImmutableArray<CommitmentChange> Changes,
    string Why);

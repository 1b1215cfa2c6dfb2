using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>How one recipient judged a proposal: its answer, the utilities behind it, and what it moved.</summary>
/// <param name="Utility">The recipient's utility of the proposed terms.</param>
/// <param name="Reservation">The utility it needed: of its current agreements, or of no deal.</param>
/// <param name="Offer">
/// When it accepts terms its own offer at the proposal's time had already gone past (worth no more to it than the
/// terms), that offer; otherwise empty.
/// </param>
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
    string Why,
    ImmutableArray<Term> Offer = default);

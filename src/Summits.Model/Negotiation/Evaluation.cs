using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>How one recipient judged a proposal: its answer, the utilities behind it, and what it moved.</summary>
/// <param name="Utility">The recipient's utility of the proposed terms.</param>
/// <param name="Reservation">The utility it needed, its BATNA's worth: of no deal, or of its current agreements where they are worth more.</param>
/// <param name="Offer">
/// When it accepts terms its own offer at the proposal's time had already gone past (worth no more to it than the
/// terms), or accepts at the deadline (τ = 1), its own offer at that time (before it is held back at the terms);
/// otherwise empty. The runner splits crossed offers, and deadline offers acceptable both ways, midway.
/// </param>
/// <param name="Capability">
/// The recipient's capability (0–1) when it answered: what an agreement rule that weighs capability counts for it,
/// carried with the answer so that a run needs no read of the recipient's actor to apply the rule.
/// </param>
[GenerateSerializer, Immutable, Alias("summits.evaluation")]
public sealed record Evaluation(
    [Id(0)] string Actor,
    [Id(1)] string ProposalId,
    [Id(2)] Response Response,
    [Id(3)] double Utility,
    [Id(4)] double Reservation,
    [Id(5)] ImmutableArray<Term> Counter,
    [Id(6)] ImmutableArray<Move> Moves,
    [Id(7)] ImmutableArray<CommitmentChange> Changes,
    [Id(8)] string Why,
    [Id(9)] ImmutableArray<Term> Offer = default,
    [Id(10)] double Capability = 0);

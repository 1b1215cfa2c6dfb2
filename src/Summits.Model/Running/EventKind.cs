namespace Summits.Model;

/// <summary>What happened, in a timeline event.</summary>
[Alias("summits.event-kind")]
public enum EventKind
{
    Proposal = 0,
    Accept = 1,
    Reject = 2,
    Counter = 3,
    Move = 4,
    AgreementMade = 5,
    AgreementStrained = 6,
    AgreementBreached = 7,
    AgreementSuperseded = 8,
    Shock = 9,
    SalienceChanged = 10,
    CapabilityChanged = 11,
    AffinityChanged = 12,
    PositionAdded = 13,
    Round = 14,
    Converged = 15,
    ProposalExpired = 16,
    ExpectationPassed = 17,
    ExpectationFailed = 18,
    /// <summary>A strained agreement is holding again: the party is back inside its window.</summary>
    AgreementRestored = 19,
    /// <summary>A newer agreement took over some of an agreement's topics; it still binds on the rest.</summary>
    AgreementPartlySuperseded = 20,
    /// <summary>
    /// A <c>rounds</c> step of one round (an exercise's offers between its rounds) made no offer: no topic it covers
    /// was open. The actor is the side that would have offered; the reason says why in words.
    /// </summary>
    NoOffer = 21,
}

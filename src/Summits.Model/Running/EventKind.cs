namespace Summits.Model;

/// <summary>What happened, in a timeline event.</summary>
public enum EventKind
{
    Proposal,
    Accept,
    Reject,
    Counter,
    Move,
    AgreementMade,
    AgreementStrained,
    AgreementBreached,
    AgreementSuperseded,
    Shock,
    SalienceChanged,
    CapabilityChanged,
    AffinityChanged,
    PositionAdded,
    Round,
    Converged,
    ProposalExpired,
    ExpectationPassed,
    ExpectationFailed,
    /// <summary>A strained agreement is holding again: the party is back inside its window.</summary>
    AgreementRestored,
    /// <summary>A newer agreement took over some of an agreement's topics; it still binds on the rest.</summary>
    AgreementPartlySuperseded,
}

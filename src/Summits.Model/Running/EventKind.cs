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
}

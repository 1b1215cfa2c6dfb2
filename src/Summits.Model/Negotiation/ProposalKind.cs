namespace Summits.Model;

/// <summary>Where a proposal came from.</summary>
[Alias("summits.proposal-kind")]
public enum ProposalKind
{
    /// <summary>Sent by a scenario's <c>propose</c> step.</summary>
    Scripted = 0,
    /// <summary>Made by an actor in an autonomous round.</summary>
    RoundOffer = 1,
    /// <summary>An open proposal delivered again before its deadline.</summary>
    Renewed = 2,
}

namespace Summits.Model;

/// <summary>Where a proposal came from.</summary>
public enum ProposalKind
{
    /// <summary>Sent by a scenario's <c>propose</c> step.</summary>
    Scripted,
    /// <summary>Made by an actor in an autonomous round.</summary>
    RoundOffer,
    /// <summary>An open proposal delivered again before its deadline.</summary>
    Renewed,
}

namespace Summits.Model;

/// <summary>
/// An actor's bidding tactic: how its offers move from its position toward its reservation value.
/// The time-dependent family is Faratin, Sierra and Jennings (1998); tit-for-tat is their imitative
/// family; the trade-off tactic is Faratin, Sierra and Jennings (2002).
/// </summary>
[Alias("summits.strategy")]
public enum Strategy
{
    /// <summary>Never concedes: every offer is its own position (the time-dependent family with e → 0).</summary>
    Hardliner = 0,
    /// <summary>Holds firm until late, then concedes quickly: f(τ) = κ + (1 − κ)·τ^(1/e) with e below 1.</summary>
    Boulware = 1,
    /// <summary>Concedes at a constant rate: e = 1.</summary>
    Linear = 2,
    /// <summary>Concedes quickly early on: e above 1.</summary>
    Conceder = 3,
    /// <summary>Concedes the same share of the remaining gap as the other side conceded of its gap in its last move.</summary>
    RelativeTitForTat = 4,
    /// <summary>Concedes the same number of scale points as the other side conceded in its last move.</summary>
    AbsoluteTitForTat = 5,
    /// <summary>
    /// Concedes in utility linearly over time, and on related topics offers the package that keeps its own
    /// utility at that level while giving the other side most of what it is believed to value.
    /// </summary>
    TradeOff = 6,
}

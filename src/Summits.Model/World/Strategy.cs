namespace Summits.Model;

/// <summary>How an actor concedes over time, after the time-dependent tactics of automated negotiation.</summary>
public enum Strategy
{
    /// <summary>Never concedes.</summary>
    Hardliner,
    /// <summary>Holds firm until late, then concedes quickly.</summary>
    Boulware,
    /// <summary>Concedes at a constant rate.</summary>
    Linear,
    /// <summary>Concedes quickly early on.</summary>
    Conceder,
    /// <summary>Concedes as much as the other side conceded last.</summary>
    TitForTat,
}

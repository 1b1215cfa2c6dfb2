namespace Summits.Model;

/// <summary>How the parties' answers combine into an agreement.</summary>
public enum AgreementRuleKind
{
    /// <summary>Every party accepts.</summary>
    Unanimity,
    /// <summary>At least K parties accept.</summary>
    KOfN,
    /// <summary>The accepting parties hold more than half of the parties' capability.</summary>
    WeightedMajority,
}

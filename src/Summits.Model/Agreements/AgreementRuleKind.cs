namespace Summits.Model;

/// <summary>How the parties' answers combine into an agreement.</summary>
[Alias("summits.agreement-rule-kind")]
public enum AgreementRuleKind
{
    /// <summary>Every party accepts.</summary>
    Unanimity = 0,
    /// <summary>At least K parties accept.</summary>
    KOfN = 1,
    /// <summary>The accepting parties hold more than half of the parties' capability.</summary>
    WeightedMajority = 2,
}

using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>Decides whether the parties' answers make an agreement, and who is bound by it.</summary>
public static class AgreementRules
{
    /// <summary>
    /// The parties bound by the agreement, or empty when the rule is not met: unanimity needs every party, k-of-n
    /// at least K, and a weighted majority more than half of the parties' capability. The proposer counts as accepting.
    /// </summary>
    public static ImmutableArray<string> Decide(AgreementRule rule, IReadOnlyList<string> parties, IReadOnlySet<string> accepting, Func<string, double> capability)
    {
        var yes = parties.Where(accepting.Contains).ToImmutableArray();
        var met = rule.Kind switch
        {
            AgreementRuleKind.Unanimity => yes.Length == parties.Count,
            AgreementRuleKind.KOfN => yes.Length >= rule.K,
            _ => yes.Sum(capability) > parties.Sum(capability) / 2,
        };
        return met && yes.Length >= 2 ? yes : [];
    }
}

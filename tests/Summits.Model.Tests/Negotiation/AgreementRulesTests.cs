using Summits.Model;

namespace Summits.Model.Tests;

public sealed class AgreementRulesTests
{
    private static readonly string[] Parties = ["A", "B", "C"];
    private static readonly Dictionary<string, double> Capability = new() { ["A"] = 0.6, ["B"] = 0.3, ["C"] = 0.2 };

    [Fact]
    public void Unanimity_needs_every_party()
    {
        Assert.Empty(Decide(AgreementRule.Unanimity, "A", "B"));
        Assert.Equal(Parties, Decide(AgreementRule.Unanimity, "A", "B", "C"));
    }

    [Fact]
    public void K_of_n_binds_the_accepting_parties_once_k_accept()
    {
        var rule = new AgreementRule(AgreementRuleKind.KOfN, 2);
        Assert.Equal(["A", "C"], Decide(rule, "A", "C"));
        Assert.Empty(Decide(rule, "A"));
    }

    [Fact]
    public void Weighted_majority_needs_more_than_half_the_capability()
    {
        var rule = new AgreementRule(AgreementRuleKind.WeightedMajority);
        Assert.Equal(["A", "B"], Decide(rule, "A", "B"));
        Assert.Empty(Decide(rule, "B", "C"));
    }

    // Four parties of capability 1 each: half the capability is 2. Two accepting hold exactly half, which
    // is no majority; three hold 3 > 2 although none of them alone holds more than 1.
    [Fact]
    public void Weighted_majority_is_more_than_half_not_exactly_half_and_counts_the_sum_of_the_accepting()
    {
        string[] parties = ["A", "B", "C", "D"];
        var rule = new AgreementRule(AgreementRuleKind.WeightedMajority);
        Assert.Empty(AgreementRules.Decide(rule, parties, new HashSet<string> { "A", "B" }, _ => 1));
        Assert.Equal(["A", "B", "C"], [.. AgreementRules.Decide(rule, parties, new HashSet<string> { "A", "B", "C" }, _ => 1)]);
    }

    private static string[] Decide(AgreementRule rule, params string[] accepting) =>
        [.. AgreementRules.Decide(rule, Parties, accepting.ToHashSet(), a => Capability[a])];
}

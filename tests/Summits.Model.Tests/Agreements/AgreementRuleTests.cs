using Summits.Model;

namespace Summits.Model.Tests;

public sealed class AgreementRuleTests
{
    [Fact]
    public void Unanimity_is_the_default_rule() => Assert.Equal(AgreementRuleKind.Unanimity, AgreementRule.Unanimity.Kind);

    [Fact]
    public void Spells_unanimity() => Assert.Equal("unanimity", AgreementRule.Unanimity.ToString());

    [Fact]
    public void Spells_k_of_n_with_its_k() => Assert.Equal("2-of-n", new AgreementRule(AgreementRuleKind.KOfN, 2).ToString());

    [Fact]
    public void Spells_weighted_majority() =>
        Assert.Equal("weighted-majority", new AgreementRule(AgreementRuleKind.WeightedMajority).ToString());
}

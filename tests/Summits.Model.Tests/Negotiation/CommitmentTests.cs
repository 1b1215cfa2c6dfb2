using Summits.Model;

namespace Summits.Model.Tests;

public sealed class CommitmentTests
{
    private static readonly ModelParameters Defaults = ModelParameters.Default;

    [Fact]
    public void Drifting_outside_the_window_strains_a_holding_agreement()
    {
        var holding = new Commitment("a", "t", 50, AgreementStatus.Holding);
        var window = Defaults.Window(0.5);
        Assert.Null(Negotiator.Drift(holding, 50, 50 + window - 0.1, 0.5, Defaults));
        Assert.Equal(AgreementStatus.Strained, Negotiator.Drift(holding, 50, 50 + window + 0.1, 0.5, Defaults));
    }

    [Fact]
    public void A_strained_agreement_breaches_only_on_a_further_drift_beyond_the_breach_factor()
    {
        var strained = new Commitment("a", "t", 50, AgreementStatus.Strained);
        var window = Defaults.Window(0.5);
        var far = 50 + Defaults.BreachFactor * window + 1;
        Assert.Equal(AgreementStatus.Breached, Negotiator.Drift(strained, far - 2, far, 0.5, Defaults));
        Assert.Null(Negotiator.Drift(strained, far + 2, far, 0.5, Defaults));
        Assert.Null(Negotiator.Drift(strained, 50 + window + 1, 50 + window + 2, 0.5, Defaults));
    }

    [Fact]
    public void A_proposal_against_its_proposers_own_agreement_strains_it_then_breaches_it()
    {
        var positions = new Dictionary<string, Position> { ["t"] = WorldBuilder.Position("A", "t", 50, 0.5) };
        var proposal = WorldBuilder.Proposal("p", "A", ["B"], 0.5, ("t", 90));
        var strain = Negotiator.Contrary(positions, proposal, [new Commitment("a", "t", 50, AgreementStatus.Holding)], Defaults);
        var breach = Negotiator.Contrary(positions, proposal, [new Commitment("a", "t", 50, AgreementStatus.Strained)], Defaults);
        var inside = Negotiator.Contrary(positions, proposal with { Terms = [new Term("t", 60)] }, [new Commitment("a", "t", 50, AgreementStatus.Holding)], Defaults);
        Assert.Equal(AgreementStatus.Strained, Assert.Single(strain).Status);
        Assert.Equal(AgreementStatus.Breached, Assert.Single(breach).Status);
        Assert.Empty(inside);
    }
}

using Summits.Model;

namespace Summits.Model.Tests;

public sealed class UtilityTests
{
    private static readonly ModelParameters Defaults = ModelParameters.Default;

    [Fact]
    public void Utility_is_the_salience_at_the_actors_own_position_and_falls_with_distance()
    {
        Assert.Equal(0.8, Utility.Of(40, 0.8, 1, 40), 12);
        Assert.Equal(0.8 * (1 - 0.25), Utility.Of(40, 0.8, 1, 65), 12);
        Assert.Equal(0.8 * (1 - Math.Pow(0.25, 2)), Utility.Of(40, 0.8, 2, 15), 12);
    }

    [Fact]
    public void Window_narrows_as_salience_rises()
    {
        Assert.Equal(50, Defaults.Window(0), 12);
        Assert.Equal(5, Defaults.Window(1), 12);
        Assert.Equal(27.5, Defaults.Window(0.5), 12);
    }

    [Fact]
    public void No_deal_is_worth_as_much_as_terms_at_the_edge_of_the_window()
    {
        // Salience 0.6: window 5 + 45 · 0.4 = 23, so toward 70 the edge is 53, worth 0.6 · (1 − 0.23^1.3).
        Assert.Equal(0.6 * (1 - Math.Pow(0.23, 1.3)), Utility.NoDeal(30, 0.6, 1.3, null, 70, Defaults), 12);
    }

    [Fact]
    public void No_deal_past_the_end_of_the_scale_is_worth_the_end_of_the_scale()
    {
        // Salience 0.5: window 5 + 45 · 0.5 = 27.5. At 90 toward 100 the edge 117.5 cannot be offered: the
        // reservation is 100, 10 away, worth 0.5 · (1 − 0.1) = 0.45 (the unclipped edge would give
        // 0.5 · (1 − 0.275) = 0.3625). At 10 toward 0 the same: 0.45. Toward the middle nothing is clipped:
        // at 90 toward 50 the edge is 62.5, worth 0.3625.
        Assert.Equal(0.45, Utility.NoDeal(90, 0.5, 1, null, 100, Defaults), 12);
        Assert.Equal(0.45, Utility.NoDeal(10, 0.5, 1, null, 0, Defaults), 12);
        Assert.Equal(0.3625, Utility.NoDeal(90, 0.5, 1, null, 50, Defaults), 12);
        // A stated reservation value is taken as stated: 80 from 90 is worth 0.5 · (1 − 0.1) = 0.45 whatever the side.
        Assert.Equal(0.45, Utility.NoDeal(90, 0.5, 1, 80, 100, Defaults), 12);
    }

    private static Evaluation Answer(double[] positions, double[] saliences, double[] terms, params Commitment[] commitments)
    {
        var actor = WorldBuilder.Actor("A") with { Acceptance = AcceptanceCondition.Constant };
        var held = positions.Select((x, i) => WorldBuilder.Position("A", $"t{i}", x, saliences[i])).ToDictionary(p => p.Topic);
        var proposal = WorldBuilder.Proposal("p", "B", ["A"], 0.5, [.. terms.Select((y, i) => ($"t{i}", y))]) with { Time = 1 };
        return Negotiator.Evaluate(actor, held, proposal, commitments, null, Defaults);
    }

    // At 50 with salience 0.5 the window is 27.5: 77.5 is exactly at its edge and worth exactly no deal
    // (0.5·(1 − 0.275) = 0.3625), so it is accepted; 77.6 is not.
    [Theory]
    [InlineData(77.5, Response.Accept)]
    [InlineData(22.5, Response.Accept)]
    [InlineData(77.6, Response.Reject)]
    public void Terms_exactly_at_the_reservation_are_accepted_and_beyond_it_refused(double terms, Response response) =>
        Assert.Equal(response, Answer([50], [0.5], [terms]).Response);

    [Fact]
    public void No_deal_is_measured_against_an_agreement_worth_more_than_the_reservation()
    {
        // At 50 with an agreement at 52 (worth 0.49), terms at 60 (0.45) are inside the window but worse
        // than the agreement.
        var withAgreement = Answer([50], [0.5], [60], new Commitment("g", "t0", 52, AgreementStatus.Holding));
        Assert.Equal(0.49, withAgreement.Reservation, 12);
        Assert.NotEqual(Response.Accept, withAgreement.Response);
        Assert.Equal(Response.Accept, Answer([50], [0.5], [60]).Response);
        // A breached agreement binds no more.
        Assert.Equal(Response.Accept, Answer([50], [0.5], [60], new Commitment("g", "t0", 52, AgreementStatus.Breached)).Response);
    }

    [Fact]
    public void An_agreement_the_actor_has_drifted_away_from_is_worth_less_than_no_deal()
    {
        // An agreement 40 points away is worth 0.3, less than no deal at 0.3625: no deal is what counts.
        var evaluation = Answer([50], [0.5], [60], new Commitment("g", "t0", 90, AgreementStatus.Holding));
        Assert.Equal(0.3625, evaluation.Reservation, 12);
        Assert.Equal(Response.Accept, evaluation.Response);
    }

    [Fact]
    public void A_package_is_judged_as_a_whole_so_a_gain_on_one_topic_pays_for_a_loss_on_another()
    {
        // Topic 0 (salience 0.3, window 36.5): 50 is 40 from 10, worth 0.18 against no deal 0.1905.
        // Topic 1 (salience 0.9, window 9.5): 70 is the actor's own position, worth 0.9 against 0.8145.
        // Alone the first is refused; the package is worth 1.08 against 1.005 and accepted.
        Assert.Equal(Response.Reject, Answer([10], [0.3], [50]).Response);
        var package = Answer([10, 70], [0.3, 0.9], [50, 70]);
        Assert.Equal(Response.Accept, package.Response);
        Assert.Equal(1.08, package.Utility, 12);
        Assert.Equal(1.005, package.Reservation, 12);
    }

    // Δ = α·c_j/(c_i + c_j)·(1 + a)/2·(1 − s)·(y − x) with α 0.1, recipient capability 0.2, proposer 0.6,
    // affinity 0.4, salience 0.5, from 20 toward 80: 0.1·0.75·0.7·0.5·60 = 1.575.
    [Fact]
    public void Influence_follows_its_formula_term_by_term()
    {
        Assert.Equal(1.575, Negotiator.Influence(20, 0.5, 80, 0.2, 0.6, 0.4, Defaults), 12);
        Assert.Equal(-1.575, Negotiator.Influence(80, 0.5, 20, 0.2, 0.6, 0.4, Defaults), 12);
        // No capability on either side: each weighs half. 0.1·0.5·0.5·0.5·60 = 0.75.
        Assert.Equal(0.75, Negotiator.Influence(20, 0.5, 80, 0, 0, 0, Defaults), 12);
    }

    [Fact]
    public void Influence_grows_with_the_proposers_capability_and_affinity_and_shrinks_with_salience()
    {
        var baseline = Negotiator.Influence(20, 0.5, 80, 0.5, 0.5, 0, Defaults);
        Assert.Equal(0.1 * 0.5 * 0.5 * 0.5 * 60, baseline, 12);
        Assert.True(Negotiator.Influence(20, 0.5, 80, 0.5, 0.9, 0, Defaults) > baseline);
        Assert.True(Negotiator.Influence(20, 0.5, 80, 0.5, 0.5, 0.8, Defaults) > baseline);
        Assert.True(Negotiator.Influence(20, 0.9, 80, 0.5, 0.5, 0, Defaults) < baseline);
        Assert.Equal(0, Negotiator.Influence(20, 0.5, 80, 0.5, 0.5, -1, Defaults), 12);
        Assert.True(Negotiator.Influence(80, 0.5, 20, 0.5, 0.5, 0, Defaults) < 0);
    }
}

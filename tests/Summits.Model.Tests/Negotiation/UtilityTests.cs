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
        var salience = 0.6;
        var edge = 30 + Defaults.Window(salience);
        Assert.Equal(Utility.Of(30, salience, 1.3, edge), Utility.NoDeal(salience, 1.3, Defaults), 12);
    }

    [Fact]
    public void Judge_accepts_inside_the_window_and_refuses_outside_it()
    {
        var window = Defaults.Window(0.5);
        Assert.True(Judge(50, 0.5, 50 + window - 0.1).Accepts);
        Assert.False(Judge(50, 0.5, 50 + window + 0.1).Accepts);
    }

    [Fact]
    public void Judge_measures_against_an_agreement_worth_more_than_no_deal()
    {
        // At 50 with an agreement at 52, terms at 60 are inside the window but worse than the agreement.
        var withAgreement = Negotiator.Judge([50], [0.5], [60], [52], 1, Defaults);
        var withoutAgreement = Negotiator.Judge([50], [0.5], [60], [double.NaN], 1, Defaults);
        Assert.False(withAgreement.Accepts);
        Assert.True(withoutAgreement.Accepts);
    }

    [Fact]
    public void Judge_ignores_an_agreement_the_actor_has_drifted_away_from()
    {
        // An agreement 40 points away is worth less than no deal: the reservation is no deal.
        var judgement = Negotiator.Judge([50], [0.5], [60], [90], 1, Defaults);
        Assert.Equal(Utility.NoDeal(0.5, 1, Defaults), judgement.Reservation, 12);
        Assert.True(judgement.Accepts);
    }

    [Fact]
    public void A_package_is_judged_as_a_whole_so_a_gain_on_one_topic_pays_for_a_loss_on_another()
    {
        // Topic a (salience 0.3): 40 points away, outside its 36.5-point window: a small loss.
        // Topic b (salience 0.9): exactly at the actor's position: a gain of s·window/100.
        var alone = Negotiator.Judge([10], [0.3], [50], [double.NaN], 1, Defaults);
        var package = Negotiator.Judge([10, 70], [0.3, 0.9], [50, 70], [double.NaN, double.NaN], 1, Defaults);
        Assert.False(alone.Accepts);
        Assert.True(package.Accepts);
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

    private static Judgement Judge(double position, double salience, double value) =>
        Negotiator.Judge([position], [salience], [value], [double.NaN], 1, Defaults);
}

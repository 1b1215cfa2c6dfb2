using Summits.Model;

namespace Summits.Model.Tests;

/// <summary>The acceptance decision on its own: U(terms), U(BATNA) and U(own offer) compared under each condition.</summary>
public sealed class JudgementTests
{
    private static readonly ModelParameters Defaults = ModelParameters.Default;

    // Terms worth exactly no deal beat walking away (the condition is "at least as good"); a hair less
    // does not, under any condition, even AC_const and even at the deadline.
    [Fact]
    public void Terms_worth_exactly_no_deal_beat_walking_away_and_a_hair_less_do_not()
    {
        Assert.True(new Judgement(0.3625, 0.3625, 0.5).BeatsWalkAway);
        Assert.False(new Judgement(0.3625, 0.3625 + 1e-9, 0.5).BeatsWalkAway);
        Assert.False(new Judgement(0.3625, 0.3625 + 1e-9, 0).Accepts(AcceptanceCondition.Constant, 1, Defaults));
        Assert.False(new Judgement(0.3625, 0.3625 + 1e-9, 0).Accepts(AcceptanceCondition.Next, 1, Defaults));
    }

    // Round-off is forgiven up to 1e-12 and no further: terms worth exactly 1e-12 less than what they are
    // compared with count as worth as much, whether that is no deal, the actor's own offer under AC_next and
    // AC_time before T, or any other utility; terms short by 1e-9 do not.
    [Fact]
    public void Terms_short_by_no_more_than_round_off_count_as_worth_as_much()
    {
        Assert.True(new Judgement(0.5 - 1e-12, 0.5, 0).BeatsWalkAway);
        Assert.True(new Judgement(0.5 - 1e-12, 0.3, 0.5).Accepts(AcceptanceCondition.Next, 0.2, Defaults));
        Assert.True(new Judgement(0.5 - 1e-12, 0.3, 0.5).Accepts(AcceptanceCondition.Time, 0.2, Defaults));
        Assert.True(new Judgement(0.5 - 1e-12, 0, 0).AtLeast(0.5));
        Assert.False(new Judgement(0.5 - 1e-9, 0, 0).AtLeast(0.5));
    }

    // Terms worth 0.4 beat no deal (0.3) but fall short of the actor's own offer (0.5): AC_next waits for
    // better until the deadline τ = 1 exactly, where there is no next offer left and it accepts.
    [Theory]
    [InlineData(0.99, false)]
    [InlineData(1.0, true)]
    public void Ac_next_accepts_less_than_its_own_offer_only_at_the_deadline(double time, bool accepts) =>
        Assert.Equal(accepts, new Judgement(0.4, 0.3, 0.5).Accepts(AcceptanceCondition.Next, time, Defaults));

    // Terms worth exactly its own next offer (0.5 against 0.5) are accepted under AC_next at any time.
    [Fact]
    public void Ac_next_accepts_terms_exactly_as_good_as_its_own_offer() =>
        Assert.True(new Judgement(0.5, 0.3, 0.5).Accepts(AcceptanceCondition.Next, 0.2, Defaults));

    // AC_time with T = 0.9: below T only terms at least as good as its own offer (0.5 ≥ 0.5 yes, 0.4 no);
    // from τ = 0.9 exactly anything that beats no deal (0.4 ≥ 0.3).
    [Theory]
    [InlineData(0.4, 0.89, false)]
    [InlineData(0.4, 0.9, true)]
    [InlineData(0.5, 0.2, true)]
    public void Ac_time_accepts_what_beats_no_deal_from_time_t_and_before_it_what_beats_its_own_offer(double utility, double time, bool accepts) =>
        Assert.Equal(accepts, new Judgement(utility, 0.3, 0.5).Accepts(AcceptanceCondition.Time, time, Defaults));

    // AC_const accepts 0.4 (above no deal 0.3, below its own offer 0.5) from the first round.
    [Fact]
    public void Ac_const_accepts_what_beats_no_deal_at_once() =>
        Assert.True(new Judgement(0.4, 0.3, 0.5).Accepts(AcceptanceCondition.Constant, 0, Defaults));
}

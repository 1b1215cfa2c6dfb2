using Summits.Model;

namespace Summits.Model.Tests;

public sealed class ConcessionTests
{
    private static readonly ModelParameters Defaults = ModelParameters.Default;

    [Theory]
    [InlineData(Strategy.Hardliner, 0.5, 0)]
    [InlineData(Strategy.Linear, 0.5, 0.5)]
    [InlineData(Strategy.Boulware, 0.5, 0.03125)]
    [InlineData(Strategy.Conceder, 0.5, 0.870550563296124)]
    public void Each_strategy_concedes_its_share_at_mid_time(Strategy strategy, double time, double share) =>
        Assert.Equal(share, Concession.Share(strategy, time, Defaults), 9);

    [Fact]
    public void Every_strategy_but_the_hardliner_has_conceded_all_at_the_deadline_and_none_at_the_start()
    {
        foreach (var strategy in new[] { Strategy.Boulware, Strategy.Linear, Strategy.Conceder })
        {
            Assert.Equal(0, Concession.Share(strategy, 0, Defaults), 12);
            Assert.Equal(1, Concession.Share(strategy, 1, Defaults), 12);
        }
    }

    [Fact]
    public void Tit_for_tat_mirrors_the_share_the_other_side_conceded()
    {
        Assert.Equal(0.3, Concession.Share(Strategy.TitForTat, 0.9, Defaults, mirrored: 0.3), 12);
        Assert.Equal(0, Concession.Share(Strategy.TitForTat, 0.9, Defaults, mirrored: 0), 12);
    }

    [Fact]
    public void An_offer_never_goes_beyond_the_proposers_own_window()
    {
        Assert.Equal(60, Concession.Offer(40, 80, 0.5, window: 30), 12);
        Assert.Equal(50, Concession.Offer(40, 80, 0.9, window: 10), 12);
        Assert.Equal(30, Concession.Offer(40, 0, 0.9, window: 10), 12);
    }
}

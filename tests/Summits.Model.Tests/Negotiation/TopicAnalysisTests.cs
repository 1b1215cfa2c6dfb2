using Summits.Model;

namespace Summits.Model.Tests;

public sealed class TopicAnalysisTests
{
    [Fact]
    public void Mean_and_median_weigh_each_actor_by_capability_times_salience()
    {
        var analysis = TopicAnalysis.Of("t", [(0, 0.8, 1, 1), (100, 0.5, 1, 1), (60, 0.5, 1, 1)], ModelParameters.Default);
        Assert.Equal((0 * 0.8 + 100 * 0.5 + 60 * 0.5) / 1.8, analysis.WeightedMean, 9);
        Assert.Equal(60, analysis.WeightedMedian, 9);
    }

    [Fact]
    public void The_Nash_point_of_two_symmetric_parties_is_halfway()
    {
        var analysis = TopicAnalysis.Of("t", [(40, 0.5, 1, 1), (60, 0.5, 1, 1)], ModelParameters.Default);
        Assert.NotNull(analysis.Nash);
        Assert.Equal(50, analysis.Nash!.Value, 2);
    }

    [Fact]
    public void The_Nash_point_leans_toward_the_party_that_cares_more()
    {
        var analysis = TopicAnalysis.Of("t", [(40, 0.9, 1, 1), (60, 0.3, 1, 1)], ModelParameters.Default);
        Assert.True(analysis.Nash < 50);
    }

    [Fact]
    public void There_is_no_Nash_point_when_no_value_leaves_both_better_off_than_no_deal()
    {
        var analysis = TopicAnalysis.Of("t", [(0, 1, 1, 1), (100, 1, 1, 1)], ModelParameters.Default);
        Assert.Null(analysis.Nash);
    }
}

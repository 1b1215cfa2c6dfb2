using Summits.Model;

namespace Summits.Model.Tests;

/// <summary>The other side as one value: the other holders' positions weighted, or their plain mean when no one weighs anything.</summary>
public sealed class OtherSideTests
{
    [Fact]
    public void The_other_side_is_the_weighted_mean_of_the_other_positions()
    {
        // (0.25 · 40 + 0.75 · 80) / (0.25 + 0.75) = (10 + 60) / 1 = 70; the plain mean would be 60.
        Assert.Equal(70, Tactics.OtherSide([(40, 0.25), (80, 0.75)])!.Value, 12);
    }

    [Fact]
    public void When_every_weight_is_zero_the_other_side_is_the_plain_mean()
    {
        // (40 + 80 + 90) / 3 = 70.
        Assert.Equal(70, Tactics.OtherSide([(40, 0), (80, 0), (90, 0)])!.Value, 12);
    }

    [Fact]
    public void With_nobody_on_the_other_side_there_is_no_other_side() =>
        Assert.Null(Tactics.OtherSide([]));
}

namespace Summits.Model.Tests;

public sealed class ParetoStaircaseTests
{
    // (3, 5) is at least (3, 5), (2, 5) and (3, 4); nothing is at least (3, 5.1) or (3.1, 1).
    [Fact]
    public void A_point_covers_itself_and_every_point_below_it_in_both()
    {
        var staircase = new ParetoStaircase();
        staircase.Add(3, 5);

        Assert.True(staircase.Covers(3, 5));
        Assert.True(staircase.Covers(2, 5));
        Assert.True(staircase.Covers(3, 4));
        Assert.False(staircase.Covers(3, 5.1));
        Assert.False(staircase.Covers(3.1, 1));
    }

    // (1, 9), (5, 5), (9, 1) form a staircase; (6, 6) is at least (5, 5) in both and so replaces it, and it keeps
    // (1, 9) (x lower) and (9, 1) (y lower). (4, 7) is then covered by nothing: (6, 6) has y 6 < 7 and (1, 9) has x 1 < 4.
    [Fact]
    public void A_new_point_drops_the_points_it_covers_and_keeps_the_rest_in_order_of_x()
    {
        var staircase = new ParetoStaircase();
        staircase.Add(1, 9);
        staircase.Add(5, 5);
        staircase.Add(9, 1);
        staircase.Add(6, 6);

        Assert.Equal([(1.0, 9.0), (6.0, 6.0), (9.0, 1.0)], staircase.Points);
        Assert.False(staircase.Covers(4, 7));
        Assert.True(staircase.Covers(6, 2));
    }

    // (3, 5) covers (3, 1): the same x and a larger y. Only (3, 5) is left.
    [Fact]
    public void A_point_with_the_same_x_and_a_larger_y_replaces_the_one_below_it()
    {
        var staircase = new ParetoStaircase();
        staircase.Add(3, 1);
        staircase.Add(3, 5);

        Assert.Equal([(3.0, 5.0)], staircase.Points);
    }

    // (2, 5) covers (1, 5): the same y and a larger x. Only (2, 5) is left.
    [Fact]
    public void A_point_with_the_same_y_and_a_larger_x_replaces_the_one_before_it()
    {
        var staircase = new ParetoStaircase();
        staircase.Add(1, 5);
        staircase.Add(2, 5);

        Assert.Equal([(2.0, 5.0)], staircase.Points);
    }
}

namespace Summits.Model.Tests;

public sealed class OutcomeGridTests
{
    // The finest step s of 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50 with (100/s + 1)ᵏ ≤ 150,000:
    // k = 1: 0.05 gives 2,001 outcomes.
    // k = 2: 0.25 gives 401² = 160,801 (too many), 0.5 gives 201² = 40,401.
    // k = 3: 1 gives 101³ = 1,030,301, 2 gives 51³ = 132,651.
    // k = 4: 5 gives 21⁴ = 194,481, 10 gives 11⁴ = 14,641.
    // k = 5: 10 gives 11⁵ = 161,051, 20 gives 6⁵ = 7,776.
    // k = 11: even 50 gives 3¹¹ = 177,147, too many; 50, the coarsest, is taken all the same.
    [Theory]
    [InlineData(1, 0.05, 2001, 2001)]
    [InlineData(2, 0.5, 201, 40401)]
    [InlineData(3, 2, 51, 132651)]
    [InlineData(4, 10, 11, 14641)]
    [InlineData(5, 20, 6, 7776)]
    [InlineData(11, 50, 3, 177147)]
    public void The_step_is_the_finest_that_keeps_the_grid_within_150000_outcomes(int topics, double step, int perAxis, int count)
    {
        var grid = new OutcomeGrid(topics);

        Assert.Equal((step, perAxis, count), (grid.Step, grid.PerAxis, grid.Count));
    }

    [Fact]
    public void A_grid_of_no_topic_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutcomeGrid(0));

    // Two topics, step 0.5, 201 values a topic: outcome (i, j) is numbered i + 201·j.
    // (3, 4) is 807, (200, 5) is 1,205, (200, 200) is 40,400.
    [Fact]
    public void An_outcome_numbered_i_plus_201_j_is_at_i_and_j_half_points()
    {
        var grid = new OutcomeGrid(2);
        var index = new int[2];

        grid.Indices(1205, index);

        Assert.Equal([200, 5], index);
        Assert.Equal([100.0, 2.5], grid.Point(1205));
        Assert.Equal(100, grid.Value(200));
    }

    // Along an axis, for each topic the one below and then the one above, skipping those off the grid:
    // inner (3, 4) = 807: (2, 4) 806, (4, 4) 808, (3, 3) 606, (3, 5) 1,008.
    // corner (0, 0) = 0: (1, 0) 1 and (0, 1) 201.
    // edge (200, 5) = 1,205: (199, 5) 1,204, (200, 4) 1,004, (200, 6) 1,406.
    // far corner (200, 200) = 40,400: (199, 200) 40,399 and (200, 199) 40,199.
    [Theory]
    [InlineData(3, 4, new[] { 806, 808, 606, 1008 })]
    [InlineData(0, 0, new[] { 1, 201 })]
    [InlineData(200, 5, new[] { 1204, 1004, 1406 })]
    [InlineData(200, 200, new[] { 40399, 40199 })]
    public void Neighbours_are_one_step_along_one_axis_and_stay_on_the_grid(int i, int j, int[] expected) =>
        Assert.Equal(expected, new OutcomeGrid(2).Neighbours([i, j]));

    // Every offset of −1, 0 or +1 on each topic but (0, 0), in the order the first topic varies fastest:
    // inner (3, 4): (2, 3) 605, (3, 3) 606, (4, 3) 607, (2, 4) 806, (4, 4) 808, (2, 5) 1,007, (3, 5) 1,008, (4, 5) 1,009.
    // corner (0, 0): (1, 0) 1, (0, 1) 201, (1, 1) 202.
    // edge (200, 5): (199, 4) 1,003, (200, 4) 1,004, (199, 5) 1,204, (199, 6) 1,405, (200, 6) 1,406.
    [Theory]
    [InlineData(3, 4, new[] { 605, 606, 607, 806, 808, 1007, 1008, 1009 })]
    [InlineData(0, 0, new[] { 1, 201, 202 })]
    [InlineData(200, 5, new[] { 1003, 1004, 1204, 1405, 1406 })]
    public void Around_an_outcome_are_its_neighbours_along_axes_and_diagonals(int i, int j, int[] expected) =>
        Assert.Equal(expected, new OutcomeGrid(2).Around([i, j]));

    // Three topics, step 2, 51 values a topic: outcome (i, j, l) is i + 51·j + 2,601·l. Around an inner outcome
    // lie 3³ − 1 = 26 others; along the axes 6: (1, 1, 1) = 2,653 has 2,652, 2,654, 2,602, 2,704, 52 and 5,254.
    [Fact]
    public void In_three_topics_an_inner_outcome_has_26_around_it_and_6_along_the_axes()
    {
        var grid = new OutcomeGrid(3);

        Assert.Equal(26, grid.Around([1, 1, 1]).Distinct().Count());
        Assert.Equal([2652, 2654, 2602, 2704, 52, 5254], grid.Neighbours([1, 1, 1]));
    }
}

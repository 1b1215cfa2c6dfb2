using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Model.Tests.Spatial;

public sealed class SpatialModelTests
{
    private static SmpTable Table(double[] capabilities, double[][] positions, double[][] saliences) =>
        new([.. capabilities.Select((_, i) => $"a{i}")], [.. positions[0].Select((_, k) => $"d{k}")], [.. capabilities],
            [.. positions.Select(p => p.ToImmutableArray())], [.. saliences.Select(s => s.ToImmutableArray())]);

    /// <summary>
    /// Two actors worked by hand. A (capability 1, at 0, salience 1) and B (capability 0.5, at 100,
    /// salience 0.5); each is at distance 1 from the other's position.
    /// Risk: A's vote for its position 1 × (1 − 0), B's 0.5 × (1 − 0); A prevails with 1 / 1.5 = 2/3,
    /// B with 1/3; R = (3p − (pmax + 2 pmin)) / (2 (pmax − pmin)) gives A 1 and B −0.5.
    /// A's challenge of B: A contributes 1 × 1 × (1 − 0) = 1, B resists with 0.5 × 0.5 × (1 − 0) = 0.25,
    /// so A wins with 1 / 1.25 = 0.8; A's gain = (1 − 0.5) × 2 + 0.5 × (0.8 × 2) − (1 + 0) = 0.8.
    /// B's challenge of A wins with 0.2 against A's whole salience: 1 × (0.2 × 2) − 1 = −0.6, not made.
    /// The bargain weights A by 1² × 0.8² = 0.64 and B by 0.5² × 0.2² = 0.01: both go to
    /// 0.01 / 0.65 = 0.01538, rounded to 0.0154, that is 1.54 on the 0–100 scale.
    /// A values the bargain (1 − 0.0154²) = 0.99976 against 0.5 for the status quo, B
    /// (1 − 0.9846)(1 − 0.5 × 0.9846) = 0.0078 against 0.5: A's 1 × 0.49976 outvotes B's 0.5 × 0.4922, so both move.
    /// </summary>
    [Fact]
    public void Two_actors_worked_by_hand_meet_where_the_stronger_ones_bargain_puts_them()
    {
        var table = Table([1, 0.5], [[0], [100]], [[1], [0.5]]);

        var (next, turn) = SpatialModel.Step(table, 1);
        var start = SpatialModel.Assess(table, 0, [], 0);

        Assert.Equal([1.0, -0.5], start.RiskAttitudes.Select(r => Math.Round(r, 12)));
        var bargain = Assert.Single(turn.Bargains);
        Assert.Equal((0, 1), (bargain.Initiator, bargain.Receiver));
        Assert.Equal(0.8, bargain.Probability, 9);
        Assert.Equal(0.8, bargain.ExpectedGain, 9);
        Assert.Equal(1.54, next.Positions[0][0], 9);
        Assert.Equal(1.54, next.Positions[1][0], 9);
        Assert.Equal(1.54, turn.Forecast[0], 9);
        // Each moved 1.54 and 98.46 points: 100 in all.
        Assert.Equal(100, turn.Shift, 9);
    }

    [Theory]
    // First turn 10 points (0.1 on KTAB's scale): 0.2 points is 0.002 / (0.1 + 0.0001) = 0.01998, under 0.02.
    [InlineData(10, 0.2, true)]
    // 0.21 points is 0.0021 / 0.1001 = 0.02098, over.
    [InlineData(10, 0.21, false)]
    // A first turn that moved nobody: only the 0.0001 floor divides, so 0.0003 points (0.000003) gives 0.03, not under.
    [InlineData(0, 0.0003, false)]
    public void The_run_stops_when_a_turn_moves_less_than_2_percent_of_the_first(double first, double shift, bool settled)
    {
        Assert.Equal(settled, SpatialModel.Settled(SmpParameters.Default, first, shift));
    }

    [Fact]
    public void Saliences_that_sum_above_1_are_refused_as_shares()
    {
        var error = Assert.Throws<ArgumentException>(() => Table([1, 1], [[10, 20], [30, 40]], [[0.6, 0.5], [0.2, 0.2]]));

        Assert.Contains("a0: saliences sum to 1.1", error.Message);
    }

    [Fact]
    public void A_world_whose_saliences_were_written_topic_by_topic_is_read_as_shares_in_the_same_proportions()
    {
        var actors = ImmutableArray.Create(Actor("a"), Actor("b"));
        Topic T(string id) => new(id, id, new ScaleAnchors("low", "mid", "high"), []);
        Position P(string actor, string topic, double value, double salience) =>
            new(actor, topic, new ScaleValue(value), Interval.Point(value), new Salience(salience), Interval.Point(salience),
                new Provenance(PositionKind.Imported, Provenance.Nobody, [], "test"));
        var world = new World("w", "w", "", "", actors, [T("x"), T("y")],
            [P("a", "x", 10, 0.9), P("a", "y", 20, 0.6), P("b", "x", 30, 0.2), P("b", "y", 40, 0.3)], []);

        var table = SmpTable.From(world);

        // a: 0.9 and 0.6 sum to 1.5, so 0.6 and 0.4; b's 0.2 and 0.3 sum to 0.5 and stay.
        Assert.Equal([0.6, 0.4], table.Saliences[0].Select(s => Math.Round(s, 12)));
        Assert.Equal([0.2, 0.3], table.Saliences[1].ToArray());
        Assert.Equal([30.0, 40.0], table.Positions[1].ToArray());
    }

    private static Actor Actor(string id) =>
        new(id, id, "", null, 1, Strategy.Linear, 1, ImmutableSortedDictionary<string, double>.Empty, "test");

    [Fact]
    public void A_table_is_the_same_as_another_only_when_every_number_matches()
    {
        // Built twice from the same numbers: separate arrays, equal values.
        var a = Table([1, 0.5], [[0, 10], [100, 20]], [[0.5, 0.5], [0.25, 0.75]]);
        var b = Table([1, 0.5], [[0, 10], [100, 20]], [[0.5, 0.5], [0.25, 0.75]]);

        Assert.True(a.SameAs(b));
        Assert.False(a.SameAs(Table([1, 0.5], [[0, 10], [100, 20.01]], [[0.5, 0.5], [0.25, 0.75]])));
        Assert.False(a.SameAs(Table([1, 0.5], [[0, 10], [100, 20]], [[0.5, 0.5], [0.25, 0.7]])));
        Assert.False(a.SameAs(Table([1, 0.4], [[0, 10], [100, 20]], [[0.5, 0.5], [0.25, 0.75]])));
    }

    [Fact]
    public void A_run_turn_by_turn_from_the_last_turns_assessment_gives_the_same_turns_as_a_whole_run()
    {
        // Three actors on two dimensions; each turn's result is compared with SpatialModel.Run, which
        // carries its assessment from turn to turn, against Step from the table alone.
        var table = Table([1, 0.6, 0.3], [[10, 80], [60, 20], [90, 50]], [[0.6, 0.3], [0.5, 0.5], [0.2, 0.7]]);
        var whole = SpatialModel.Run(table);
        var current = table;
        for (var t = 1; t < whole.Turns.Length; t++)
        {
            var (next, turn) = SpatialModel.Step(current, t);
            Assert.Equal(whole.Turns[t].Forecast.ToArray(), turn.Forecast.ToArray());
            Assert.Equal(whole.Turns[t].WinProbabilities.ToArray(), turn.WinProbabilities.ToArray());
            current = next;
        }
    }
}

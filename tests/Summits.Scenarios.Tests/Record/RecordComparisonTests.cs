using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios.Tests.Record;

/// <summary>Each fact of the record set against a run's end, by the rules of <see cref="RecordComparison"/>, worked by hand.</summary>
public sealed class RecordComparisonTests
{
    private static readonly SummitRecord Shipped = RecordFile.Load(Path.Combine(RepoFiles.Root, "scenarios", "record", "after-the-summit.yaml"));

    private static World Seed => Shipped.World;

    private static World With(World world, params (string Actor, string Topic, double Value)[] moves) => world with
    {
        Positions = [.. world.Positions.Select(p => moves.FirstOrDefault(m => m.Actor == p.Actor && m.Topic == p.Topic) is { Actor: not null } m
            ? p with { Value = new ScaleValue(m.Value) } : p)],
    };

    private static World WithAgreement(World world, string id, string topic, double value, AgreementStatus status) => world with
    {
        Agreements = world.Agreements.Add(new Agreement(id, ImmutableSortedDictionary<string, double>.Empty.Add(topic, value), ["US", "JP"],
            AgreementRule.Unanimity, status, id, null, "")),
    };

    [Fact]
    public void A_world_left_as_the_summit_left_it_disagrees_with_every_fact_and_says_how()
    {
        var checks = RecordComparison.Of(Shipped, Seed, Seed);

        // Seeded values: JP 85 on tpp-11 (below 90–100); US 95 on north-korea and JP 60 on defense-procurement,
        // unmoved (0 < 1 point); no agreement on bilateral-fta, where JP stands at 20 and US at 80.
        Assert.All(checks, c => Assert.False(c.Agrees));
        Assert.Equal("The run ended with JP at 85 on tpp-11, below the 90–100 the record implies.", checks[0].Difference);
        Assert.Equal("The run left US at 95 on north-korea, less than 1 point from where it started; the record has it move toward the low end (Dialogue first, with pressure eased to open talks).", checks[1].Difference);
        // Each phrase reads after "the run ended with": "the run ended with JP at 60, where it started".
        Assert.Equal("JP at 60, where it started", checks[2].Ended);
        Assert.Equal("no agreement (JP at 20 and US at 80)", checks[3].Ended);
        Assert.Equal("The run made no agreement of JP and US on bilateral-fta (it ended with JP at 20 and US at 80); the record has one at 60–90.", checks[3].Difference);
    }

    [Fact]
    public void Moves_positions_and_agreements_agree_inside_their_rules_and_not_outside()
    {
        // US 95 -> 94.1 is 0.9 toward the low end: under the 1-point threshold. JP 60 -> 61 is exactly 1: a move.
        // JP 85 -> 90 on tpp-11 is the range's lower end, inside. An agreement at 90 is the range's upper end.
        var final = WithAgreement(With(Seed, ("US", "north-korea", 94.1), ("JP", "defense-procurement", 61), ("JP", "tpp-11", 90)),
            "fta", "bilateral-fta", 90, AgreementStatus.Holding);
        var checks = RecordComparison.Of(Shipped, Seed, final);

        Assert.Equal([true, false, true, true], checks.Select(c => c.Agrees));
        Assert.Equal(["JP at 90 (from 85)", "US at 94.1 (from 95)", "JP at 61 (from 60)", "agreement fta at 90 (holding)"], checks.Select(c => c.Ended));
        Assert.Equal("agrees", checks[0].Verdict);
    }

    [Fact]
    public void A_move_the_wrong_way_and_an_agreement_above_the_range_are_said_in_words()
    {
        // US 95 -> 97 is 2 points toward the high end, away from the low end; an agreement at 95 is above 60–90;
        // a breached agreement does not count, so the later holding one at 95 is read.
        var final = WithAgreement(WithAgreement(With(Seed, ("US", "north-korea", 97)), "old", "bilateral-fta", 70, AgreementStatus.Breached),
            "new", "bilateral-fta", 95, AgreementStatus.Holding);
        var checks = RecordComparison.Of(Shipped, Seed, final);

        Assert.Equal("The run moved US away from the low end on north-korea (95 → 97); the record has it move toward it (Dialogue first, with pressure eased to open talks).", checks[1].Difference);
        Assert.Equal("The run's agreement new on bilateral-fta stands at 95, above the 60–90 the record implies.", checks[3].Difference);
    }

    [Fact]
    public void A_figure_beside_a_threshold_or_a_start_is_shown_with_the_decimals_that_keep_it_true()
    {
        // JP 60 -> 60.996 on procurement is 0.996 toward the high end, under the 1-point threshold: at two decimals the
        // end would read 61, a whole point from 60; at three, 60.996. JP 85 -> 89.999 on tpp-11 is below 90–100: at two
        // decimals it would read 90, inside; at three, 89.999. An agreement at 90.0004 is above 60–90: at four decimals.
        var final = WithAgreement(With(Seed, ("JP", "defense-procurement", 60.996), ("JP", "tpp-11", 89.999)), "fta", "bilateral-fta", 90.0004, AgreementStatus.Holding);
        var checks = RecordComparison.Of(Shipped, Seed, final);

        Assert.Equal([false, false, false, false], checks.Select(c => c.Agrees));
        Assert.Equal("JP at 89.999 (from 85)", checks[0].Ended);
        Assert.Equal("The run ended with JP at 89.999 on tpp-11, below the 90–100 the record implies.", checks[0].Difference);
        Assert.Equal("JP at 60.996 (from 60)", checks[2].Ended);
        Assert.Equal("The run left JP at 60.996 on defense-procurement, less than 1 point from where it started; the record has it move toward the high end (Large and expanding purchases of US equipment).", checks[2].Difference);
        Assert.Equal("agreement fta at 90.0004 (holding)", checks[3].Ended);
    }

    [Fact]
    public void An_exercise_s_comparison_speaks_of_the_play()
    {
        // The same rules, said of the play for a debrief's reader: the seeded world leaves JP at 85 on tpp-11.
        var checks = RecordComparison.Of(Shipped, Seed, Seed, "play");

        Assert.Equal("The play ended with JP at 85 on tpp-11, below the 90–100 the record implies.", checks[0].Difference);
        Assert.Equal("The play made no agreement of JP and US on bilateral-fta (it ended with JP at 20 and US at 80); the record has one at 60–90.", checks[3].Difference);
    }

    [Fact]
    public void What_a_fact_implies_names_the_scale_anchors_it_holds_or_lies_between()
    {
        var checks = RecordComparison.Of(Shipped, Seed, Seed);

        // 90–100 holds the high anchor (100); 60–90 holds none and lies between the middle (50) and the high (100).
        Assert.Equal("JP at 90–100 (Bring TPP 11 into force without the US)", checks[0].Implied);
        Assert.Equal("an agreement of JP and US at 60–90 (between \"Bilateral talks short of an FTA, open to one later\" and \"A bilateral FTA now\")", checks[3].Implied);
    }

    [Fact]
    public void A_ranges_figures_and_the_runs_are_shown_to_four_decimals_as_every_figure_is()
    {
        // A fact on tpp-11 implying JP at 89.9375–100 (a range a record may write): the range is told as written, not
        // at two decimals (89.94–100). JP ending at 89.9375 is the range's lower end, inside; at 89.9374 it is below,
        // and the difference says 89.9374, not 89.94 (which would read inside). An agreement implied at 60.125–89.875,
        // made at 60.1249, is below it by the fourth decimal.
        var tpp = Shipped.Facts[0] with { Implies = new PositionImplied("JP", 89.9375, 100) };
        var fta = Shipped.Facts[3] with { Implies = new AgreementImplied(["JP", "US"], 60.125, 89.875) };
        var topic = Seed.Topic("tpp-11");

        Assert.Equal("JP at 89.9375–100 (Bring TPP 11 into force without the US)", tpp.Implies.Describe(topic));
        var inside = RecordComparison.Check(tpp, Seed, With(Seed, ("JP", "tpp-11", 89.9375)));
        Assert.True(inside.Agrees);
        Assert.Equal("JP at 89.9375 (from 85)", inside.Ended);
        var below = RecordComparison.Check(tpp, Seed, With(Seed, ("JP", "tpp-11", 89.9374)));
        Assert.False(below.Agrees);
        Assert.Equal("The run ended with JP at 89.9374 on tpp-11, below the 89.9375–100 the record implies.", below.Difference);
        var agreement = RecordComparison.Check(fta, Seed, WithAgreement(Seed, "fta", "bilateral-fta", 60.1249, AgreementStatus.Holding));
        Assert.Equal("agreement fta at 60.1249 (holding)", agreement.Ended);
        Assert.Equal("The run's agreement fta on bilateral-fta stands at 60.1249, below the 60.125–89.875 the record implies.", agreement.Difference);
    }
}

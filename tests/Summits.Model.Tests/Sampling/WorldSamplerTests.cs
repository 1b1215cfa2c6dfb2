using Summits.Model;
using static Summits.Model.Tests.WorldBuilder;

namespace Summits.Model.Tests;

public sealed class WorldSamplerTests
{
    private static readonly World Uncertain = World(
        [Actor("A", 0.5), Actor("B", 0.4, Strategy.Hardliner)],
        [Topic("t"), Topic("u")],
        [
            Position("A", "t", 50, 0.5) with { ValueRange = new Interval(40, 60), SalienceRange = new Interval(0.3, 0.7) },
            Position("B", "t", 20, 0.8),
            Position("B", "u", 70, 0.6) with { ValueRange = new Interval(65, 75) },
        ]);

    [Fact]
    public void Each_uncertain_number_is_drawn_inside_its_interval_and_a_point_interval_stays_put()
    {
        var sampler = new WorldSampler(Uncertain, []);
        Assert.Equal(["position A t", "salience A t", "position B u"], sampler.Inputs.Select(i => i.Name));
        for (var i = 0; i < 200; i++)
        {
            var world = sampler.Sample(7, i).World;
            var a = world.Positions.Single(p => p.Actor == "A" && p.Topic == "t");
            var b = world.Positions.Single(p => p.Actor == "B" && p.Topic == "t");
            var bu = world.Positions.Single(p => p.Actor == "B" && p.Topic == "u");
            Assert.InRange(a.Value.Value, 40, 60);
            Assert.InRange(a.Salience.Value, 0.3, 0.7);
            Assert.InRange(bu.Value.Value, 65, 75);
            Assert.Equal(20, b.Value.Value);
            Assert.Equal(0.8, b.Salience.Value);
        }
    }

    [Fact]
    public void Draws_spread_across_the_interval_rather_than_sitting_at_one_point()
    {
        var sampler = new WorldSampler(Uncertain, []);
        var values = Enumerable.Range(0, 1000).Select(i => sampler.Sample(1, i).Values[0]).ToArray();
        Assert.InRange(values.Average(), 49, 51);
        Assert.True(values.Min() < 41 && values.Max() > 59, $"draws spanned only [{values.Min()}, {values.Max()}]");
    }

    [Fact]
    public void Any_sample_can_be_drawn_again_alone_and_another_seed_draws_other_worlds()
    {
        var sampler = new WorldSampler(Uncertain, []);
        var inOrder = Enumerable.Range(0, 10).Select(i => sampler.Sample(42, i)).ToArray();
        var alone = new WorldSampler(Uncertain, []).Sample(42, 7);
        Assert.Equal(inOrder[7].Values.ToArray(), alone.Values.ToArray());
        Assert.Equal(inOrder[7].Seed, alone.Seed);
        Assert.Equal(inOrder[7].World.Positions.ToArray(), alone.World.Positions.ToArray());
        Assert.NotEqual(inOrder[7].Values.ToArray(), inOrder[8].Values.ToArray());
        Assert.NotEqual(inOrder[7].Values.ToArray(), sampler.Sample(43, 7).Values.ToArray());
        Assert.Equal(WorldSampler.SeedOf(42, 7), alone.Seed);
        Assert.NotEqual(WorldSampler.SeedOf(42, 7), WorldSampler.SeedOf(43, 7));
    }

    [Fact]
    public void A_varied_input_takes_the_place_of_the_worlds_interval_and_strategies_are_chosen_among_the_choices()
    {
        var vary = new Variation[]
        {
            new PositionVariation("A", "t", new Interval(0, 10)),
            new SalienceVariation("B", "t", new Interval(0.1, 0.2)),
            new CapabilityVariation("B", new Interval(0.9, 1)),
            new StrategyVariation("A", [Strategy.Boulware, Strategy.Conceder]),
        };
        var sampler = new WorldSampler(Uncertain, [.. vary]);
        Assert.Equal(["salience A t", "position B u", "position A t", "salience B t", "capability B", "strategy A"], sampler.Inputs.Select(i => i.Name));
        var strategies = new HashSet<Strategy>();
        for (var i = 0; i < 100; i++)
        {
            var sample = sampler.Sample(3, i);
            var world = sample.World;
            Assert.InRange(world.Positions.Single(p => p.Actor == "A" && p.Topic == "t").Value.Value, 0, 10);
            Assert.InRange(world.Positions.Single(p => p.Actor == "B" && p.Topic == "t").Salience.Value, 0.1, 0.2);
            Assert.InRange(world.Actor("B").Capability, 0.9, 1);
            Assert.Equal(sampler.Inputs[5].ChoiceOf(sample.Values[5]), world.Actor("A").Strategy);
            strategies.Add(world.Actor("A").Strategy);
        }
        Assert.Equal([Strategy.Boulware, Strategy.Conceder], strategies.Order());
    }
}

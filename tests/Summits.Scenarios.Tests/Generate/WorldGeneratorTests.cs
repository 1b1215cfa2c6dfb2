using Summits.Model;

namespace Summits.Scenarios.Tests;

public sealed class WorldGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_file_and_another_seed_another()
    {
        var first = WorldWriter.Write(WorldGenerator.Generate(30, 6, 7));
        var second = WorldWriter.Write(WorldGenerator.Generate(30, 6, 7));
        var other = WorldWriter.Write(WorldGenerator.Generate(30, 6, 8));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_numbers_of_a_seed_are_pinned_so_a_change_of_platform_cannot_move_them()
    {
        var world = WorldGenerator.Generate(5, 3, 42);

        Assert.Equal(45.5, world.Positions[0].Value.Value);
        Assert.Equal(0.14, world.Positions[0].Salience.Value);
        Assert.Equal(0.187, world.Actor("A1").Capability);
        Assert.Equal(1.0, world.Actor("A3").Capability);
        Assert.Equal(0.87, world.Actor("A2").AffinityToward("A3"));
    }

    [Fact]
    public void Splitmix64_gives_its_reference_numbers()
    {
        var random = new SeededRandom(0L);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextBits());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextBits());
    }

    [Fact]
    public void A_generated_world_loads_back_through_the_world_file_unchanged()
    {
        var world = WorldGenerator.Generate(60, 4, 3, "gen-test");

        var again = WorldFile.Parse("gen.yaml", WorldWriter.Write(world));

        Assert.Equal(WorldsRepository.Json(world), WorldsRepository.Json(again));
        Assert.Equal("gen-test", again.Id);
    }

    [Fact]
    public void Every_number_is_within_its_range_and_every_actor_holds_every_topic()
    {
        var world = WorldGenerator.Generate(120, 9, 11);

        Assert.Equal(120, world.Actors.Select(a => a.Id).Distinct().Count());
        Assert.Equal(9, world.Topics.Select(t => t.Id).Distinct().Count());
        Assert.Equal(120 * 9, world.Positions.Select(p => (p.Actor, p.Topic)).Distinct().Count());
        Assert.All(world.Actors, a =>
        {
            Assert.InRange(a.Capability, 0.001, 1);
            Assert.InRange(a.Curvature, 0.5, 2);
            Assert.All(a.Affinity.Values, v => Assert.InRange(v, -1, 1));
            Assert.DoesNotContain(a.Id, a.Affinity.Keys);
        });
        Assert.All(world.Positions, p =>
        {
            Assert.InRange(p.Value.Value, 0, 100);
            Assert.InRange(p.Salience.Value, 0.05, 1);
            Assert.Equal(PositionKind.Synthetic, p.Provenance.Kind);
        });
        Assert.Equal(1.0, world.Actors.Max(a => a.Capability));
    }

    [Fact]
    public void A_few_actors_are_strong_and_most_are_weak()
    {
        var capabilities = WorldGenerator.Generate(400, 1, 5).Actors.Select(a => a.Capability).Order().ToArray();

        Assert.True(capabilities[200] < 0.15, $"median capability {capabilities[200]}");
        Assert.Contains(capabilities, c => c >= 0.5);
    }

    [Fact]
    public void Saliences_lean_low_with_some_high()
    {
        var saliences = WorldGenerator.Generate(200, 10, 9).Positions.Select(p => p.Salience.Value).ToArray();

        Assert.InRange(saliences.Average(), 0.25, 0.4);
        Assert.Contains(saliences, s => s > 0.8);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Positions_on_a_topic_gather_in_a_few_blocs(ulong seed)
    {
        var world = WorldGenerator.Generate(300, 20, seed);

        foreach (var topic in world.Topics)
        {
            var values = world.PositionsOn(topic.Id).Select(p => p.Value.Value).ToArray();
            // Spread evenly, every ten-point bin would hold about a tenth of the actors; blocs leave several nearly empty.
            var nearlyEmpty = Enumerable.Range(0, 10).Count(bin => values.Count(v => Math.Min(9, (int)(v / 10)) == bin) < values.Length * 0.03);
            Assert.True(nearlyEmpty >= 2, $"{topic.Id}: only {nearlyEmpty} nearly empty bins");
        }
    }

    [Fact]
    public void Actors_that_stand_close_are_fond_of_each_other()
    {
        var world = WorldGenerator.Generate(30, 8, 13);

        var pairs = world.Actors.SelectMany(a => a.Affinity.Select(p => (Affinity: p.Value, Distance: Distance(world, a.Id, p.Key)))).ToArray();

        Assert.True(Correlation(pairs.Select(p => p.Affinity).ToArray(), pairs.Select(p => p.Distance).ToArray()) < -0.8);
    }

    [Fact]
    public void Large_worlds_keep_a_sample_of_affinities_per_actor()
    {
        var world = WorldGenerator.Generate(WorldGenerator.FullAffinityLimit + 10, 1, 2);

        Assert.All(world.Actors, a => Assert.Equal(12, a.Affinity.Count));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5001, 1)]
    [InlineData(2, 0)]
    [InlineData(2, 1001)]
    public void Sizes_outside_the_limits_are_refused(int actors, int topics)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorldGenerator.Generate(actors, topics, 1));
    }

    private static double Distance(World world, string a, string b) =>
        world.Topics.Average(t => Math.Abs(
            world.Positions.Single(p => p.Actor == a && p.Topic == t.Id).Value.Value
            - world.Positions.Single(p => p.Actor == b && p.Topic == t.Id).Value.Value));

    private static double Correlation(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        var cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return cov / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }
}

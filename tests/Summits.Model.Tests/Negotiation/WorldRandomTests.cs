using Summits.Model;

namespace Summits.Model.Tests;

public sealed class WorldRandomTests
{
    [Fact]
    public void The_same_seed_gives_the_same_sequence_and_another_seed_another()
    {
        var a = new WorldRandom(42);
        var b = new WorldRandom(42);
        var c = new WorldRandom(43);
        var first = Enumerable.Range(0, 100).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 100).Select(_ => c.NextUInt64()));
    }

    [Fact]
    public void Doubles_fall_in_the_unit_interval_and_spread_across_it()
    {
        var random = new WorldRandom(7);
        var values = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble()).ToArray();
        Assert.All(values, v => Assert.InRange(v, 0, 0.9999999999));
        Assert.InRange(values.Average(), 0.48, 0.52);
        Assert.InRange(values.Count(v => v < 0.1), 900, 1100);
    }
}

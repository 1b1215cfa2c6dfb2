using System.Collections.Immutable;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Bench;

/// <summary>The scenarios the bench runs, built in code so that their sizes follow <see cref="BenchSizes"/>.</summary>
public static class BenchScenarios
{
    private const ulong Seed = 2017;

    /// <summary>A 2-actor, 1-topic world that receives <paramref name="proposals"/> single-recipient proposals, one per step.</summary>
    public static LoadedScenario Proposals(string worldId, int proposals)
    {
        var world = WorldGenerator.Generate(2, 1, seed: 1, worldId);
        var (from, to, topic) = (world.Actors[0].Id, world.Actors[1].Id, world.Topics[0].Id);
        // Far from either side, so that most proposals are countered and the world stays open.
        var steps = Enumerable.Range(1, proposals)
            .Select(i => (Step)new ProposeStep($"p{i}", i, from, [to], [new Term(topic, i % 2 == 0 ? 5 : 95)], AgreementRule.Unanimity, null))
            .ToImmutableArray();
        return Loaded(world, new Scenario("bench-proposals", $"{proposals} proposals from {from} to {to}", Seed, ModelParameters.Default, steps));
    }

    /// <summary>Autonomous bargaining on every topic for up to <paramref name="rounds"/> rounds, ending early when it converges.</summary>
    public static LoadedScenario Rounds(World world, int rounds) =>
        Loaded(world, new Scenario("bench-rounds", $"up to {rounds} rounds of bargaining", Seed, ModelParameters.Default,
            [new RoundsStep("bargain", 1, rounds, [], AgreementRule.Unanimity)]));

    private static LoadedScenario Loaded(World world, Scenario scenario) => new("(bench)", "(bench)", scenario, world);
}

using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// Who opens the bargaining on a topic must not decide where it lands. The seeded world's autonomous
/// rounds are run with each party made the opener on every topic it holds, and the outcomes compared.
/// </summary>
public sealed class OpenerTests
{
    private static readonly World Seed = WorldFile.Load(RepoFiles.SeedWorld);

    private static async Task<IReadOnlyDictionary<string, double?>> Outcomes(string? opener, ulong seed)
    {
        var scenario = new Scenario("opener", "", seed, ModelParameters.Default,
            [new RoundsStep("bargain", 1, 20, [], AgreementRule.Unanimity, opener)]);
        var world = new LocalWorld(Seed);
        await new ScenarioRunner(world, RunState.Begin(scenario, Seed)).RunToEndAsync();
        var agreements = world.Snapshot().Agreements;
        return Seed.Topics.ToDictionary(t => t.Id, t => agreements
            .Where(a => a.Status.IsLive() && a.Covers(t.Id))
            .Select(a => (double?)a.Terms[t.Id])
            .LastOrDefault());
    }

    // Every topic of the seed is held by Japan and the US alone, so these two runs put each party first
    // on each topic. Offers that cross are split midway, so the opener's luck is only in how influence
    // moved the positions before the crossing: the outcomes stay within 2 points, and a topic agreed in
    // one run is agreed in the other. (The old rule gave unsc-permanent-seat 97.35 or 85 by opener.)
    [Fact]
    public async Task Each_party_opening_on_each_topic_changes_no_outcome_by_more_than_2_points()
    {
        var japanFirst = await Outcomes("JP", 0);
        var usFirst = await Outcomes("US", 0);
        Assert.Contains(japanFirst.Values, v => v is not null);
        foreach (var topic in Seed.Topics.Select(t => t.Id))
        {
            Assert.Equal(japanFirst[topic] is null, usFirst[topic] is null);
            if (japanFirst[topic] is { } a && usFirst[topic] is { } b)
                Assert.True(Math.Abs(a - b) <= 2, $"{topic}: {a:0.##} with Japan first, {b:0.##} with the US first");
        }
    }

    [Fact]
    public async Task The_named_opener_makes_the_first_offer_on_every_topic_it_holds()
    {
        var scenario = new Scenario("opener", "", 0, ModelParameters.Default, [new RoundsStep("bargain", 1, 4, [], AgreementRule.Unanimity, "US")]);
        var state = RunState.Begin(scenario, Seed);
        var timeline = await new ScenarioRunner(new LocalWorld(Seed), state).RunToEndAsync();
        var first = timeline.Where(e => e is { Kind: EventKind.Proposal, Round: 1 }).ToArray();
        Assert.NotEmpty(first);
        Assert.All(first, e => Assert.Equal("US", e.Actor));
        Assert.All(timeline.Where(e => e is { Kind: EventKind.Proposal, Round: 2 }), e => Assert.Equal("JP", e.Actor));
    }
}

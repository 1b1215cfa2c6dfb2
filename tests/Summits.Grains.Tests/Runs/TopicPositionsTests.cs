using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// A topic's positions are its participants' countries' answers, and every country an attempt reaches that way is one
/// the world reaches: it is checked for lost changes at the end of an advance and committed at a checkpoint like any
/// other. When the topic grain asked the countries itself, the world never learnt of them: a country reached only
/// through a topic's positions was neither checked nor committed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TopicPositionsTests(ClusterFixture fixture)
{
    private static readonly ShockChange JapanUpOne = new(ShockTarget.Position, "JP", "bilateral-fta", null, null, 1, null);

    [Fact]
    public async Task A_country_reached_only_through_a_topics_positions_after_losing_its_changes_fails_the_advance()
    {
        // Advance 0 of an attempt that spans two advances (a checkpoint every 2 or more) moves Japan's FTA position from
        // 20 (as seeded in the Abe–Trump world) to 21, and ends between checkpoints: Japan served its one call. The silo
        // then deactivates Japan, whose next activation reads storage: 20, the move lost. Advance 1 reaches Japan only
        // through the FTA table's positions, which read 20, answered by Japan's second activation. The check at the
        // advance's end must find that Japan, changed by the attempt, answered from two activations, so that the advance
        // fails rather than answer with a position that rests on a lost change.
        var (key, world) = await SeededAsync("positions-lost");
        var access = new GrainWorldAccess(fixture.Client, world, new AdvanceAttempt(0, Guid.NewGuid()));
        await access.Country("JP").Shock("s1#1", JapanUpOne, "s1", [], ModelParameters.Default);
        access.EnsureNothingLost();
        await fixture.Cluster.DeactivateAsync(Japan(world));

        access.Continue(1, default);
        var positions = await access.Topic("bilateral-fta").Positions();

        Assert.Equal(20, positions.Single(p => p.Actor == "JP").Value.Value);
        var lost = Assert.Throws<InvalidOperationException>(access.EnsureNothingLost);
        Assert.StartsWith($"country {world.Country("JP")} answered advance 1 from a new activation", lost.Message);
    }

    [Fact]
    public async Task A_country_a_retry_reaches_only_through_a_topics_positions_is_committed_back_to_its_checkpoint()
    {
        // Try 1 of advance 0 moves Japan from 20 to 21 and commits it (stored: the checkpoint of advance 0, 20 before
        // and 21 after); the world then fails the advance. Try 2 reaches Japan only through the FTA table's positions:
        // its first call goes back to the checkpoint, 20, and says the attempt changed it, so that the commit writes 20
        // over the 21 the failed try wrote. Japan read again from storage (a new activation) is at 20.
        var (key, world) = await SeededAsync("positions-commit");
        var first = new GrainWorldAccess(fixture.Client, world, new AdvanceAttempt(0, Guid.NewGuid()));
        await first.Country("JP").Shock("s1#1", JapanUpOne, "s1", [], ModelParameters.Default);
        await first.CommitAsync();

        var retry = new GrainWorldAccess(fixture.Client, world, new AdvanceAttempt(0, Guid.NewGuid()));
        var positions = await retry.Topic("bilateral-fta").Positions();
        await retry.CommitAsync();
        await fixture.Cluster.DeactivateAsync(Japan(world));

        Assert.Equal(20, positions.Single(p => p.Actor == "JP").Value.Value);
        var stored = await Japan(world).Get();
        Assert.Equal(20, stored.Positions.Single(p => p.Topic == "bilateral-fta").Value.Value);
    }

    private async Task<(string Key, WorldKey World)> SeededAsync(string prefix)
    {
        var key = $"{prefix}-{Guid.NewGuid():N}";
        await fixture.Client.GetGrain<IWorldGrain>(key).Seed(WorldFile.Load(SeedFiles.World) with { Id = key });
        return (key, WorldKey.Of(key));
    }

    private ICountryGrain Japan(WorldKey world) => fixture.Client.GetGrain<ICountryGrain>(world.Country("JP"));
}

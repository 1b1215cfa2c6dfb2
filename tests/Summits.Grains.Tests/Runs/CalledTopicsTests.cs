using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// The topics an attempt has called (<see cref="GrainWorldAccess.CalledTopics"/>) are those whose grains hold the attempt's
/// checkpoint: a world kept in memory seeds them again for its next sample, and leaves the others holding their seeding.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CalledTopicsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_topics_an_attempt_called_are_those_it_sent_a_call_not_those_whose_table_it_knew()
    {
        // By hand: the attempt is told the FTA's table (Know), so reading it sends no call; it reads the trade imbalance's
        // table, which it does not know (one GetDuring call, which enters the attempt on that grain); it changes nothing.
        // Called: trade-imbalance alone, though both topics are in its reach.
        var key = $"called-topics-{Guid.NewGuid():N}";
        await fixture.Client.GetGrain<IWorldGrain>(key).Seed(WorldFile.Load(SeedFiles.World) with { Id = key });
        var world = WorldKey.Of(key);
        var access = new GrainWorldAccess(fixture.Client, world, new AdvanceAttempt(0, Guid.NewGuid()));
        var table = await fixture.Client.GetGrain<ITopicGrain>(world.Topic("bilateral-fta")).Get();
        access.Know(new Dictionary<string, TopicTable> { [table.Topic.Id] = table });

        await access.Topic("bilateral-fta").Get();
        await access.Topic("trade-imbalance").Get();

        Assert.Equal(["trade-imbalance"], access.CalledTopics());
        Assert.Empty(access.ChangedIds().Topics);
    }

    [Fact]
    public async Task A_topic_called_by_a_call_that_changed_nothing_is_called_but_not_changed()
    {
        // By hand: North Korea's table holds the seeded agreement nk-maximum-pressure; recording it again records nothing
        // (an id already there), so the topic answers that the attempt has not changed it. It was called all the same
        // (a call that may change it, counted, which entered the attempt on the grain): called, not changed.
        var key = $"called-unchanged-{Guid.NewGuid():N}";
        var seeded = WorldFile.Load(SeedFiles.World) with { Id = key };
        await fixture.Client.GetGrain<IWorldGrain>(key).Seed(seeded);
        var access = new GrainWorldAccess(fixture.Client, WorldKey.Of(key), new AdvanceAttempt(0, Guid.NewGuid()));

        var recorded = await access.Topic("north-korea").Record(seeded.Agreements.Single(a => a.Id == "nk-maximum-pressure"));

        Assert.False(recorded);
        Assert.Equal(["north-korea"], access.CalledTopics());
        Assert.Empty(access.ChangedIds().Topics);
    }
}

using Summits.Model;

namespace Summits.Grains.Tests;

/// <summary>Topic and country grains of a seeded world: who holds which position, and what the table has agreed.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TableTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly IClusterClient _client = fixture.Client;
    private readonly World _loaded = SeedWorlds.Fresh();

    public Task InitializeAsync() => _client.GetGrain<IWorldGrain>(_loaded.Id).Seed(_loaded);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_topic_lists_every_actors_position_on_it()
    {
        foreach (var topic in _loaded.Topics)
        {
            // Asked of the participants' countries by the world's access, as an advance asks them.
            var positions = await Access().Topic(topic.Id).Positions();

            Assert.Equal(
                _loaded.PositionsOn(topic.Id).Select(SeedWorlds.Json).Order(StringComparer.Ordinal),
                positions.Select(SeedWorlds.Json).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_topics_table_holds_its_participants_and_agreements()
    {
        var table = await Topic("north-korea").Get();

        Assert.Equal(SeedWorlds.Json(_loaded.Topic("north-korea")), SeedWorlds.Json(table.Topic));
        Assert.Equal(["JP", "US"], table.Participants.Order(StringComparer.Ordinal).ToArray());
        var agreement = Assert.Single(table.Agreements);
        Assert.Equal("nk-maximum-pressure", agreement.Id);
        Assert.Equal(93, agreement.Terms["north-korea"]);
    }

    [Fact]
    public async Task A_topic_nobody_agreed_on_has_an_empty_table_of_agreements()
    {
        var table = await Topic("bilateral-fta").Get();

        Assert.Empty(table.Agreements);
        Assert.Equal(2, (await Access().Topic("bilateral-fta").Positions()).Length);
    }

    [Fact]
    public async Task A_country_owns_its_positions()
    {
        var japan = await Country("JP").Get();

        Assert.Equal(SeedWorlds.Json(_loaded.Actor("JP")), SeedWorlds.Json(japan.Actor));
        Assert.Equal(
            _loaded.PositionsOf("JP").Select(SeedWorlds.Json).Order(StringComparer.Ordinal),
            japan.Positions.Select(SeedWorlds.Json).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_country_the_briefing_gives_no_positions_holds_none()
    {
        var china = await Country("CN").Get();

        Assert.Equal("China", china.Actor.Name);
        Assert.Empty(china.Positions);
        Assert.Null((await Country("CN").PositionOn("north-korea", FirstAdvance())).Value);
    }

    /// <summary>An attempt at a run's first advance, as the world grain would make it.</summary>
    private static AdvanceAttempt FirstAdvance() => new(0, Guid.NewGuid());

    /// <summary>The world's countries and topics as an advance's first attempt reaches them.</summary>
    private GrainWorldAccess Access() => new(_client, WorldKey.Of(_loaded.Id), FirstAdvance());

    private ITopicGrain Topic(string id) => _client.GetGrain<ITopicGrain>(WorldKey.Of(_loaded.Id).Topic(id));

    private ICountryGrain Country(string id) => _client.GetGrain<ICountryGrain>(WorldKey.Of(_loaded.Id).Country(id));
}

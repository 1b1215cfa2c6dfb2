using Summits.Model;

namespace Summits.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class WorldGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task A_seeded_world_reads_back_from_its_grains_as_it_was_loaded()
    {
        var loaded = SeedWorlds.Fresh();
        var world = _client.GetGrain<IWorldGrain>(loaded.Id);

        await world.Seed(loaded);
        var snapshot = await world.Snapshot();

        SeedWorlds.AssertSame(loaded, snapshot);
        var quoted = snapshot.Positions.Single(p => p.Actor == "JP" && p.Topic == "north-korea").Provenance.Quotes;
        // Abe's own words on north-korea, wherever the seed lists them among the position's quotes.
        var own = Assert.Single(quoted, q => q.Text.StartsWith("We support the U.S. position", StringComparison.Ordinal));
        Assert.Equal("We support the U.S. position of “putting all options on the table.”", own.Text);
        var seeded = loaded.Positions.Single(p => p.Actor == "JP" && p.Topic == "north-korea").Provenance.Quotes;
        Assert.Equal(seeded.Single(q => q.Text == own.Text).Location, own.Location);
    }

    [Fact]
    public async Task A_world_grain_under_a_key_that_is_not_an_id_refuses_to_be_seeded_and_touches_no_country()
    {
        // '#' is no character of an id (ASCII letters, digits, '-' and '_'), so this is no world key.
        var key = $"odd#{Guid.NewGuid():N}";
        var loaded = SeedWorlds.Fresh() with { Id = key };

        var refused = await Assert.ThrowsAsync<FormatException>(() => _client.GetGrain<IWorldGrain>(key).Seed(loaded));

        Assert.Equal($"a world key must be {WorldKey.IdRule}, not '{key}' (36 characters)", refused.Message);
        var japan = await Assert.ThrowsAsync<InvalidOperationException>(() => _client.GetGrain<ICountryGrain>($"{key}/JP").Get());
        Assert.Contains("has not been seeded", japan.Message);
    }

    [Fact]
    public async Task Info_names_the_worlds_countries_and_topics()
    {
        var loaded = SeedWorlds.Fresh();
        var world = _client.GetGrain<IWorldGrain>(loaded.Id);
        await world.Seed(loaded);

        var info = await world.Info();

        Assert.Equal(loaded.Title, info.Title);
        Assert.Equal(["JP", "US", "CN", "KP"], info.Actors.ToArray());
        Assert.Equal(loaded.Topics.Select(t => t.Id), info.Topics);
    }

    [Fact]
    public async Task Seeding_a_world_twice_is_refused_and_changes_nothing()
    {
        var first = SeedWorlds.Fresh();
        var world = _client.GetGrain<IWorldGrain>(first.Id);
        await world.Seed(first);
        var changed = SeedWorlds.EveryPositionAtOne(first) with { Title = "another title" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => world.Seed(changed));

        Assert.Contains("already been seeded", error.Message, StringComparison.Ordinal);
        SeedWorlds.AssertSame(first, await world.Snapshot());
    }

    [Fact]
    public async Task Seeding_again_with_the_same_metadata_but_other_positions_is_refused()
    {
        // Title, actors and topics the same; every position at 1: another world of that id, not the same one asked
        // for again, so the world's digest of what it was seeded with tells them apart.
        var first = SeedWorlds.Fresh();
        var world = _client.GetGrain<IWorldGrain>(first.Id);
        await world.Seed(first);
        var changed = SeedWorlds.EveryPositionAtOne(first);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => world.Seed(changed));

        Assert.Contains("has already been seeded with another world of that id", error.Message, StringComparison.Ordinal);
        SeedWorlds.AssertSame(first, await world.Snapshot());
        // The same world again is answered as seeded.
        await world.Seed(first);
    }

    [Fact]
    public async Task A_world_is_seeded_only_into_the_grain_of_its_own_id()
    {
        var loaded = SeedWorlds.Fresh();
        var other = _client.GetGrain<IWorldGrain>(loaded.Id + "-other");

        await Assert.ThrowsAsync<ArgumentException>(() => other.Seed(loaded));
        await Assert.ThrowsAsync<InvalidOperationException>(() => other.Snapshot());
    }

    [Fact]
    public async Task Two_worlds_live_side_by_side_without_touching_each_other()
    {
        var hawkish = SeedWorlds.Fresh();
        var dovish = SeedWorlds.Edited("    value: 92\n    range: [86, 97]\n", "    value: 30\n    range: [20, 40]\n");
        Assert.NotEqual(hawkish.Id, dovish.Id);

        await Task.WhenAll(
            _client.GetGrain<IWorldGrain>(hawkish.Id).Seed(hawkish),
            _client.GetGrain<IWorldGrain>(dovish.Id).Seed(dovish));

        SeedWorlds.AssertSame(hawkish, await _client.GetGrain<IWorldGrain>(hawkish.Id).Snapshot());
        SeedWorlds.AssertSame(dovish, await _client.GetGrain<IWorldGrain>(dovish.Id).Snapshot());
        var hawkishJapan = await _client.GetGrain<ICountryGrain>(WorldKey.Of(hawkish.Id).Country("JP")).Get();
        var dovishJapan = await _client.GetGrain<ICountryGrain>(WorldKey.Of(dovish.Id).Country("JP")).Get();
        Assert.Equal(92, hawkishJapan.Positions.Single(p => p.Topic == "north-korea").Value.Value);
        Assert.Equal(30, dovishJapan.Positions.Single(p => p.Topic == "north-korea").Value.Value);
    }
}

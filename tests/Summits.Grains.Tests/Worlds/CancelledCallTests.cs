using Summits.Model;

namespace Summits.Grains.Tests;

/// <summary>
/// Country and topic grain methods take a cancellation token, as the world grain's do: a call made with a cancelled
/// token stops with <see cref="OperationCanceledException"/> and changes nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CancelledCallTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task A_country_or_topic_seeded_with_a_cancelled_token_is_not_seeded_and_one_seeded_with_a_live_token_is()
    {
        var loaded = SeedWorlds.Fresh();
        var japan = loaded.Actors.Single(a => a.Id == "JP");
        var topic = loaded.Topics.Single(t => t.Id == "north-korea");
        var country = _client.GetGrain<ICountryGrain>(WorldKey.Of(loaded.Id).Country("JP"));
        var table = _client.GetGrain<ITopicGrain>(WorldKey.Of(loaded.Id).Topic("north-korea"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => country.Seed(japan, [.. loaded.PositionsOf("JP")], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => table.Seed(topic, ["JP"], [], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => country.Get(cancelled.Token));

        // Nothing was seeded: each grain says so when read.
        Assert.Contains("has not been seeded", (await Assert.ThrowsAnyAsync<Exception>(() => country.Get())).Message);
        Assert.Contains("has not been seeded", (await Assert.ThrowsAnyAsync<Exception>(() => table.Get())).Message);

        // The same calls with a token that is not cancelled do their work: Japan's seeded position on north-korea
        // is the seed file's 92 (scenarios/summits/2017-11-06-abe-trump.yaml, the first position listed).
        using var live = new CancellationTokenSource();
        await country.Seed(japan, [.. loaded.PositionsOf("JP")], live.Token);
        await table.Seed(topic, ["JP"], [], live.Token);
        Assert.Equal(92, (await country.Get(live.Token)).Positions.Single(p => p.Topic == "north-korea").Value.Value);
        Assert.Equal(["JP"], (await table.Get(live.Token)).Participants.ToArray());
    }
}

using Summits.Model;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// A country or topic that holds no seeding, and whose world has none to give it (here a key no world was seeded under),
/// refuses a hand-back: the world made the state from its seeding without asking the grain. (A topic of a world kept in
/// memory that holds no seeding first takes it from its world, <see cref="IWorldGrain.TopicSeeding"/>.)
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HandBackTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_country_or_topic_that_holds_no_seeding_refuses_a_hand_back()
    {
        // By hand: a fresh key's grains were never seeded, and its world holds no seeding to give a topic (TopicSeeding
        // answers null), so Hold and CommitHeld each throw "... has not been seeded", and a read afterwards finds each
        // grain still unseeded (the same words).
        var key = WorldKey.Of($"hand-back-{Guid.NewGuid():N}");
        var country = fixture.Client.GetGrain<ICountryGrain>(key.Country("JP"));
        var topic = fixture.Client.GetGrain<ITopicGrain>(key.Topic("tpp-11"));
        var attempt = new AdvanceAttempt(0, Guid.NewGuid());

        await Refused(() => country.Hold(new Delegation(), attempt));
        await Refused(() => country.CommitHeld(new Delegation(), attempt, 1));
        await Refused(() => topic.Hold(new Table(), attempt));
        await Refused(() => topic.CommitHeld(new Table(), attempt, 1));
        await Refused(() => country.Get());
        await Refused(() => topic.Get());
    }

    private static async Task Refused(Func<Task> call) =>
        Assert.Contains("has not been seeded", (await Assert.ThrowsAsync<InvalidOperationException>(call)).Message, StringComparison.Ordinal);
}

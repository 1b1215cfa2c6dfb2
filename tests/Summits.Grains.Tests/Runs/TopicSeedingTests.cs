using System.Collections.Immutable;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// Whether two seedings give a topic the same table, as a lane's world asks before it leaves a topic unseeded
/// (<see cref="TopicSeeding.SeedsSameTableAs"/>): a quick look that never takes two different tables for one.
/// </summary>
public sealed class TopicSeedingTests
{
    private static readonly World Summit = WorldFile.Load(SeedFiles.World);

    /// <summary>North Korea's seeding in the Abe–Trump world: its topic, its holders (JP and US, as the file's positions on it) and its one agreement.</summary>
    private static TopicSeeding NorthKorea(World world) => new(
        world.Topics.Single(t => t.Id == "north-korea"),
        [.. world.Positions.Where(p => p.Topic == "north-korea").Select(p => p.Actor)],
        [.. world.Agreements.Where(a => a.Covers("north-korea"))]);

    [Fact]
    public void The_same_records_with_the_holders_in_new_lists_seed_the_same_table()
    {
        // Two seedings made from one world: the same topic and agreement objects, the holders copied into new arrays.
        Assert.True(NorthKorea(Summit).SeedsSameTableAs(NorthKorea(Summit)));
    }

    [Fact]
    public void Holders_in_another_order_or_another_agreement_seed_another_table()
    {
        // By hand: the holders reversed (US, JP) give a table whose participants come in another order; the agreement
        // left out gives a table with none.
        var seeding = NorthKorea(Summit);

        Assert.False(seeding.SeedsSameTableAs(seeding with { Holders = [.. seeding.Holders.Reverse()] }));
        Assert.False(seeding.SeedsSameTableAs(seeding with { Agreements = [] }));
        Assert.Equal(["JP", "US"], seeding.Holders.ToArray());
    }

    [Fact]
    public void An_agreement_equal_in_content_but_in_new_lists_is_told_apart()
    {
        // Conservative: the agreement's terms and parties copied into new collections (as a world deserialised in another
        // process holds them) are equal in content, but a record compares its lists as objects, so the quick look says
        // "not the same" and the world seeds the topic again; it never says "the same" of different tables.
        var seeding = NorthKorea(Summit);
        var agreement = seeding.Agreements[0];
        var copied = agreement with
        {
            Terms = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, agreement.Terms),
            Parties = [.. agreement.Parties],
        };

        Assert.False(seeding.SeedsSameTableAs(seeding with { Agreements = [copied] }));
    }
}

using System.Collections.Immutable;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// Whether two seedings give a country the same delegation, as a lane's world asks before it leaves a country unseeded
/// (<see cref="CountrySeeding.SeedsSameCountryAs"/>): a quick look that never takes two different delegations for one.
/// </summary>
public sealed class CountrySeedingTests
{
    private static readonly World Summit = WorldFile.Load(SeedFiles.World);

    /// <summary>An actor's seeding in the Abe–Trump world: the actor and its positions, in the file's order.</summary>
    private static CountrySeeding Of(World world, string actor) => new(
        world.Actors.Single(a => a.Id == actor),
        [.. world.Positions.Where(p => p.Actor == actor)]);

    [Fact]
    public void The_same_records_with_the_positions_in_new_lists_seed_the_same_country()
    {
        // Two seedings made from one world: the same actor and position objects, the positions copied into new arrays;
        // Japan holds 16 positions in the file, China none.
        Assert.True(Of(Summit, "JP").SeedsSameCountryAs(Of(Summit, "JP")));
        Assert.True(Of(Summit, "CN").SeedsSameCountryAs(Of(Summit, "CN")));
        Assert.Equal(16, Of(Summit, "JP").Positions.Length);
        Assert.Empty(Of(Summit, "CN").Positions);
    }

    [Fact]
    public void Another_capability_a_moved_position_or_positions_in_another_order_seed_another_country()
    {
        // By hand: Japan with capability 0.5 where the file gives 0.45; its first position 1 point higher; its positions
        // reversed (the delegation keeps them in the order given, and reads back in it).
        var seeding = Of(Summit, "JP");

        Assert.False(seeding.SeedsSameCountryAs(seeding with { Actor = seeding.Actor with { Capability = 0.5 } }));
        Assert.False(seeding.SeedsSameCountryAs(seeding with { Positions = [seeding.Positions[0] with { Value = new ScaleValue(seeding.Positions[0].Value.Value + 1) }, .. seeding.Positions[1..]] }));
        Assert.False(seeding.SeedsSameCountryAs(seeding with { Positions = [.. seeding.Positions.Reverse()] }));
        Assert.Equal(0.45, seeding.Actor.Capability);
    }

    [Fact]
    public void An_actor_equal_in_content_but_with_its_affinities_in_a_new_list_is_told_apart()
    {
        // Conservative: China's affinities copied into a new dictionary (as a world deserialised in another process holds
        // them) are equal in content, but a record compares its collections as objects, so the quick look says "not the
        // same" and the world seeds the country again; it never says "the same" of different delegations.
        var seeding = Of(Summit, "CN");
        var copied = seeding.Actor with { Affinity = seeding.Actor.Affinity.ToImmutableSortedDictionary() };

        Assert.False(seeding.SeedsSameCountryAs(seeding with { Actor = copied }));
    }
}

using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>
/// A world's metadata: every world-level field of <see cref="World"/> (what it is, what its saliences say, a KTAB
/// world's own line) and the ids of the countries and topics that belong to it, whose grains hold the rest.
/// </summary>
/// <remarks>
/// <see cref="Salience"/> and <see cref="Ktab"/> were added after worlds were first stored, under new ids: the Orleans
/// serializer leaves a field that stored bytes lack at its default, so a state written before reads back as a
/// <see cref="SalienceMeaning.PerTopic"/> world with no KTAB line, as every world then read back.
/// </remarks>
/// <param name="Id">The world's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="About">What it is about; empty when its file says nothing.</param>
/// <param name="Source">The path of the source text its positions quote, as the world file names it; empty for none.</param>
/// <param name="Actors">The ids of its actors, in the world's order.</param>
/// <param name="Topics">The ids of its topics, in the world's order.</param>
/// <param name="Salience">What its saliences say (<see cref="World.Salience"/>).</param>
/// <param name="Ktab">A KTAB world's own description and power header (<see cref="World.Ktab"/>); null otherwise.</param>
[GenerateSerializer, Immutable, Alias("summits.world-info")]
public sealed record WorldInfo(
    [Id(0)] string Id,
    [Id(1)] string Title,
    [Id(2)] string About,
    [Id(3)] string Source,
    [Id(4)] ImmutableArray<string> Actors,
    [Id(5)] ImmutableArray<string> Topics,
    [Id(6)] SalienceMeaning Salience = SalienceMeaning.PerTopic,
    [Id(7)] KtabScenarioLine? Ktab = null)
{
    /// <summary>The metadata of <paramref name="world"/>: its world-level fields, and its actors' and topics' ids in its order.</summary>
    public static WorldInfo Of(World world) =>
        new(world.Id, world.Title, world.About, world.Source, [.. world.Actors.Select(a => a.Id)], [.. world.Topics.Select(t => t.Id)],
            world.Salience, world.Ktab);

    /// <summary>
    /// The world of this metadata with <paramref name="actors"/>, <paramref name="topics"/>, <paramref name="positions"/>
    /// and <paramref name="agreements"/>, as its countries and topics give them back: every world-level field from here.
    /// </summary>
    public World With(ImmutableArray<Actor> actors, ImmutableArray<Topic> topics, ImmutableArray<Position> positions, ImmutableArray<Agreement> agreements) =>
        new(Id, Title, About, Source, actors, topics, positions, agreements, Salience, Ktab);
}

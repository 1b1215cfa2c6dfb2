using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A whole negotiation world: its actors, topics, positions and agreements.</summary>
/// <param name="Source">The path of the source text the positions are quoted from, as the world file names it.</param>
[GenerateSerializer, Immutable]
public sealed record World(
    string Id,
    string Title,
    string About,
    string Source,
    ImmutableArray<Actor> Actors,
    ImmutableArray<Topic> Topics,
    ImmutableArray<Position> Positions,
    ImmutableArray<Agreement> Agreements)
{
    public Actor Actor(string id) => Actors.First(a => a.Id == id);

    public Topic Topic(string id) => Topics.First(t => t.Id == id);

    public IEnumerable<Position> PositionsOn(string topic) => Positions.Where(p => p.Topic == topic);

    public IEnumerable<Position> PositionsOf(string actor) => Positions.Where(p => p.Actor == actor);
}

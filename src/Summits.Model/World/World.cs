using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A whole negotiation world: its actors, topics, positions and agreements.</summary>
/// <param name="Source">The path of the source text the positions are quoted from, as the world file names it.</param>
/// <param name="Salience">What its saliences say: per topic (the default), or shares of each actor's attention, as a KTAB table's are.</param>
/// <param name="Ktab">For a world imported from a KTAB table, the table's own words that a KTAB export writes back; null otherwise.</param>
[GenerateSerializer, Immutable, Alias("summits.world")]
public sealed record World(
    [Id(0)] string Id,
    [Id(1)] string Title,
    [Id(2)] string About,
    [Id(3)] string Source,
    [Id(4)] ImmutableArray<Actor> Actors,
    [Id(5)] ImmutableArray<Topic> Topics,
    [Id(6)] ImmutableArray<Position> Positions,
    [Id(7)] ImmutableArray<Agreement> Agreements,
    [Id(8)] SalienceMeaning Salience = SalienceMeaning.PerTopic,
    [Id(9)] KtabScenarioLine? Ktab = null)
{
    /// <summary>
    /// The model parameters a run of this world uses: <paramref name="parameters"/>, told that the saliences
    /// are shares of attention over this world's topics when the world says so.
    /// </summary>
    public ModelParameters ParametersFor(ModelParameters parameters) =>
        parameters with { SalienceShares = Salience == SalienceMeaning.Shares ? Topics.Length : null };

    public Actor Actor(string id) => Actors.First(a => a.Id == id);

    public Topic Topic(string id) => Topics.First(t => t.Id == id);

    public IEnumerable<Position> PositionsOn(string topic) => Positions.Where(p => p.Topic == topic);

    public IEnumerable<Position> PositionsOf(string actor) => Positions.Where(p => p.Actor == actor);
}

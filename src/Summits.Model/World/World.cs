using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A whole negotiation world: its actors, topics, positions and agreements.</summary>
/// <param name="Source">The path of the source text the positions are quoted from, as the world file names it.</param>
/// <param name="Salience">What its saliences say: per topic (the default), or shares of each actor's attention, as a KTAB table's are.</param>
/// <param name="Ktab">For a world imported from a KTAB table, the table's own words that a KTAB export writes back; null otherwise.</param>
[GenerateSerializer, Immutable]
public sealed record World(
    string Id,
    string Title,
    string About,
    string Source,
    ImmutableArray<Actor> Actors,
    ImmutableArray<Topic> Topics,
    ImmutableArray<Position> Positions,
    ImmutableArray<Agreement> Agreements,
    SalienceMeaning Salience = SalienceMeaning.PerTopic,
    KtabScenarioLine? Ktab = null)
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

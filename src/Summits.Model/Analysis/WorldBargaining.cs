using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// Builds the bargaining problems of a world: one per agreement, over the topics of its terms among
/// its parties, and one per topic among the actors holding a position on it. Each party's
/// disagreement point is the BATNA's worth that acceptance uses: on a topic, the utility of its reservation value.
/// </summary>
public static class WorldBargaining
{
    /// <summary>
    /// The utility to <paramref name="actor"/> of no deal on the topic of <paramref name="position"/> (its BATNA's worth), 0..salience: the worth of
    /// its reservation value, stated or by default the edge of its window toward <paramref name="toward"/> (the
    /// other parties as one, <see cref="OtherSide"/>) clipped to the 0–100 scale; the same number acceptance
    /// compares offers with (<see cref="Utility.NoDeal"/>).
    /// </summary>
    public static double NoDeal(Position position, Actor actor, double toward, ModelParameters parameters) =>
        Utility.NoDeal(position.Value, position.Salience, actor.Curvature, position.Reservation, toward, parameters);

    /// <summary>
    /// The other side of <paramref name="position"/>'s actor on its topic as one value: the positions of the
    /// other actors of <paramref name="among"/> (every holder when null) weighted by capability times salience
    /// (<see cref="Tactics.OtherSide"/>); the actor's own position when nobody else holds one.
    /// </summary>
    public static double OtherSide(World world, Position position, IEnumerable<string>? among = null)
    {
        var others = world.PositionsOn(position.Topic)
            .Where(p => p.Actor != position.Actor && (among is null || among.Contains(p.Actor)))
            .Select(p => ((double)p.Value, world.Actor(p.Actor).Capability * p.Salience));
        return Tactics.OtherSide(others) ?? position.Value;
    }

    /// <summary>
    /// The party <paramref name="actor"/> with its stakes on <paramref name="topics"/>, each worth its no deal
    /// toward the other actors of <paramref name="among"/> (every holder of the topic when null); topics it
    /// holds no position on are left out.
    /// </summary>
    public static BargainingParty Party(World world, string actor, IEnumerable<string> topics, ModelParameters parameters, IReadOnlyCollection<string>? among = null)
    {
        var a = world.Actor(actor);
        var stakes = ImmutableSortedDictionary.CreateBuilder<string, Stake>(StringComparer.Ordinal);
        var wanted = topics.ToHashSet();
        foreach (var p in world.PositionsOf(actor).Where(p => wanted.Contains(p.Topic)))
            stakes[p.Topic] = new Stake(p.Value, p.Salience, NoDeal(p, a, OtherSide(world, p, among), parameters));
        return new BargainingParty(actor, a.Curvature, stakes.ToImmutable());
    }

    /// <summary>The agreement's terms as a bargaining problem among its parties, with the world's positions.</summary>
    public static BargainingAnalysis Of(World world, Agreement agreement, ModelParameters parameters) =>
        new BargainingProblem(agreement.Terms.Keys, agreement.Parties.Select(p => Party(world, p, agreement.Terms.Keys, parameters, agreement.Parties))).Solve();

    /// <summary>The reference points of <paramref name="topic"/> among the actors holding a position on it.</summary>
    public static TopicAnalysis Of(World world, string topic, ModelParameters parameters) =>
        TopicAnalysis.Of(topic, [.. world.PositionsOn(topic).Select(p =>
        {
            var actor = world.Actor(p.Actor);
            return (p.Actor, (double)p.Value, (double)p.Salience, actor.Capability, actor.Curvature, NoDeal(p, actor, OtherSide(world, p), parameters));
        })]);
}

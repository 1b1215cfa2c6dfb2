using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// Builds the bargaining problems of a world: one per agreement, over the topics of its terms among
/// its parties, and one per topic among the actors holding a position on it. Each party's
/// disagreement point is the reservation that acceptance uses: on a topic, the worth of no deal.
/// </summary>
public static class WorldBargaining
{
    /// <summary>The utility to <paramref name="actor"/> of no deal on the topic of <paramref name="position"/>: s · (1 − (w / 100)^ρ), w its window.</summary>
    public static double Reservation(Position position, Actor actor, ModelParameters parameters) =>
        Utility.NoDeal(position.Salience, actor.RiskAttitude, parameters);

    /// <summary>The party <paramref name="actor"/> with its stakes on <paramref name="topics"/>; topics it holds no position on are left out.</summary>
    public static BargainingParty Party(World world, string actor, IEnumerable<string> topics, ModelParameters parameters)
    {
        var a = world.Actor(actor);
        var stakes = ImmutableSortedDictionary.CreateBuilder<string, Stake>(StringComparer.Ordinal);
        var wanted = topics.ToHashSet();
        foreach (var p in world.PositionsOf(actor).Where(p => wanted.Contains(p.Topic)))
            stakes[p.Topic] = new Stake(p.Value, p.Salience, Reservation(p, a, parameters));
        return new BargainingParty(actor, a.RiskAttitude, stakes.ToImmutable());
    }

    /// <summary>The agreement's terms as a bargaining problem among its parties, with the world's positions.</summary>
    public static BargainingAnalysis Of(World world, Agreement agreement, ModelParameters parameters) =>
        new BargainingProblem(agreement.Terms.Keys, agreement.Parties.Select(p => Party(world, p, agreement.Terms.Keys, parameters))).Solve();

    /// <summary>The reference points of <paramref name="topic"/> among the actors holding a position on it.</summary>
    public static TopicAnalysis Of(World world, string topic, ModelParameters parameters) =>
        TopicAnalysis.Of(topic, [.. world.PositionsOn(topic).Select(p =>
        {
            var actor = world.Actor(p.Actor);
            return (p.Actor, (double)p.Value, (double)p.Salience, actor.Capability, actor.RiskAttitude, Reservation(p, actor, parameters));
        })]);
}

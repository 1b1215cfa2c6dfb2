using System.Collections.Immutable;
using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// A scenario's changes to its world before the first step: actors, topics and positions it
/// overrides (only the keys it names) or adds (in full). Each one states its reason.
/// </summary>
public static class WorldOverrides
{
    /// <param name="format">The scenario file's format: format 1 may name the strategy 'tit-for-tat' (see <see cref="WorldFile.StrategyOf"/>).</param>
    public static World Apply(string path, World world, IReadOnlyList<YamlNode> actors, IReadOnlyList<YamlNode> topics, IReadOnlyList<YamlNode> positions, string scenario, int format = FileFormat.Current)
    {
        foreach (var node in actors)
            world = Actor(path, world, node, format);
        foreach (var node in topics)
            world = Topic(path, world, node);
        foreach (var node in positions)
            world = Position(path, world, node, scenario);
        return world;
    }

    private static readonly string[] ActorKeys = ["id", "reason", "name", "leader", "capability", "strategy", "curvature", "risk", "acceptance", "affinity"];
    private static readonly string[] TopicKeys = ["id", "reason", "title", "scale"];
    private static readonly string[] PositionKeys = ["actor", "topic", "reason", "value", "salience", "range", "salience-range", "reservation", "strategy", "acceptance"];

    private static World Actor(string path, World world, YamlNode node, int format)
    {
        var r = new MappingReader(path, node, "an actor override", ActorKeys);
        var id = WorldFile.Identifier(r, "id");
        Reason(r);
        var existing = world.Actors.FirstOrDefault(a => a.Id == id);
        var actor = existing ?? new Actor(id, r.String("name"), "", null, r.Number("capability", 0, 1), Strategy.Linear, 1, ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal), "");
        actor = actor with
        {
            Name = r.OptionalString("name") ?? actor.Name,
            Leader = r.OptionalString("leader") ?? actor.Leader,
            Capability = r.OptionalNumber("capability", 0, 1) ?? actor.Capability,
            Strategy = r.Has("strategy") ? WorldFile.StrategyOf(r, r.Required("strategy"), "strategy", format) : actor.Strategy,
            Curvature = WorldFile.Curvature(r, format) ?? actor.Curvature,
            Acceptance = r.Has("acceptance") ? r.Enum<AcceptanceCondition>("acceptance") : actor.Acceptance,
            Why = r.OptionalString("reason") ?? actor.Why,
        };
        var known = world.Actors.Select(a => a.Id).Append(id).Distinct().ToArray();
        if (r.Has("affinity"))
        {
            foreach (var (key, value) in r.Pairs("affinity"))
            {
                var other = WorldFile.KnownId(r, key, key.Value ?? "", known.Where(a => a != id).ToArray(), "actor");
                actor = actor with { Affinity = actor.Affinity.SetItem(other, r.Number(value, "affinity", -1, 1)) };
            }
        }
        r.RejectUnknownKeys();
        return world with
        {
            Actors = existing is null ? world.Actors.Add(actor) : world.Actors.Replace(existing, actor),
        };
    }

    private static World Topic(string path, World world, YamlNode node)
    {
        var r = new MappingReader(path, node, "a topic override", TopicKeys);
        var id = WorldFile.Identifier(r, "id");
        Reason(r);
        var existing = world.Topics.FirstOrDefault(t => t.Id == id);
        var scale = existing?.Scale;
        if (r.Optional("scale") is { } scaleNode)
        {
            var s = new MappingReader(path, scaleNode, "a topic's scale", WorldFile.ScaleKeys);
            scale = new ScaleAnchors(s.String("low"), s.String("middle"), s.String("high"));
            s.RejectUnknownKeys();
        }
        var topic = new Topic(id, r.OptionalString("title") ?? existing?.Title ?? r.String("title"),
            scale ?? throw r.Fail(node, $"a new topic '{id}' needs a 'scale' with low, middle and high"),
            existing?.Related ?? [], existing?.Ktab);
        r.RejectUnknownKeys();
        return world with
        {
            Topics = existing is null ? world.Topics.Add(topic) : world.Topics.Replace(existing, topic),
        };
    }

    private static World Position(string path, World world, YamlNode node, string scenario)
    {
        var r = new MappingReader(path, node, "a position override", PositionKeys);
        var actor = WorldFile.KnownId(r, "actor", world.Actors.Select(a => a.Id).ToArray(), "actor");
        var topic = WorldFile.KnownId(r, "topic", world.Topics.Select(t => t.Id).ToArray(), "topic");
        var reason = Reason(r);
        var existing = world.Positions.FirstOrDefault(p => p.Actor == actor && p.Topic == topic);
        var value = r.OptionalNumber("value", ScaleValue.Min, ScaleValue.Max) ?? existing?.Value
            ?? throw r.Fail(node, $"{actor} holds no position on '{topic}' in the world: a new position needs 'value'");
        var salience = r.OptionalNumber("salience", 0, 1) ?? existing?.Salience
            ?? throw r.Fail(node, $"{actor} holds no position on '{topic}' in the world: a new position needs 'salience'");
        var range = r.Has("range") ? Containing(r, "range", value, 0, 100) : Interval.Point(value);
        var salienceRange = r.Has("salience-range") ? Containing(r, "salience-range", salience, 0, 1) : Interval.Point(salience);
        var (reservation, strategy, acceptance) = WorldFile.Bargaining(r);
        r.RejectUnknownKeys();
        var position = new Position(actor, topic, new ScaleValue(value), range, new Salience(salience), salienceRange,
            new Provenance(PositionKind.Inferred, Provenance.Nobody, existing?.Provenance.Quotes ?? [], $"set by scenario {scenario}: {reason}"),
            reservation ?? existing?.Reservation, strategy ?? existing?.Strategy, acceptance ?? existing?.Acceptance);
        return world with
        {
            Positions = existing is null ? world.Positions.Add(position) : world.Positions.Replace(existing, position),
        };
    }

    private static string Reason(MappingReader r)
    {
        var reason = r.String("reason");
        return reason.Trim().Length > 0 ? reason : throw r.Fail(r.Required("reason"), "'reason' must say why the scenario changes the world");
    }

    private static Interval Containing(MappingReader r, string key, double value, double min, double max)
    {
        var (low, high) = r.Range(key, min, max);
        return low <= value && value <= high
            ? new Interval(low, high)
            : throw r.Fail(r.Required(key), $"'{key}' [{MappingReader.Format(low)}, {MappingReader.Format(high)}] must contain the value {MappingReader.Format(value)}");
    }
}

using System.Collections.Immutable;
using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>Reads an <c>expect</c> step: assertions on agreements, positions and events.</summary>
public sealed class ExpectationReader(string file, string[] actors, string[] topics)
{
    /// <summary>The keys of an <c>expect</c> step's mapping.</summary>
    public static readonly IReadOnlyList<string> Keys = ["agreement", "position", "event", "order", "because"];
    private static readonly string[] AgreementKeys = ["topic", "absent", "exists", "parties", "value", "status"];
    private static readonly string[] PositionKeys = ["actor", "topic", "range", "moved", "target"];
    private static readonly string[] PatternKeys = ["kind", "actor", "topic", "cause"];
    private static readonly string[] EventKeys = [.. PatternKeys, "happened"];

    public ExpectStep Read(string id, int line, MappingReader r)
    {
        var expectations = ImmutableArray.CreateBuilder<Expectation>();
        if (r.Optional("agreement") is { } agreement)
            expectations.Add(Agreement(new MappingReader(file, agreement, "an agreement expectation", AgreementKeys)));
        if (r.Optional("position") is { } position)
            expectations.Add(Position(new MappingReader(file, position, "a position expectation", PositionKeys)));
        if (r.Optional("event") is { } happened)
        {
            var e = new MappingReader(file, happened, "an event expectation", EventKeys);
            var pattern = Pattern(e);
            var yes = !e.Has("happened") || Boolean(e, "happened");
            e.RejectUnknownKeys();
            expectations.Add(new EventExpectation(pattern, yes));
        }
        if (r.Has("order"))
        {
            var patterns = r.List("order").Select(n =>
            {
                var e = new MappingReader(file, n, "an event in an order", PatternKeys);
                var p = Pattern(e);
                e.RejectUnknownKeys();
                return p;
            }).ToImmutableArray();
            if (patterns.Length < 2)
                throw r.Fail(r.Required("order"), "'order' lists at least two events");
            expectations.Add(new OrderExpectation(patterns));
        }
        var because = r.OptionalProse("because");
        if (expectations.Count == 0)
            throw r.Fail(r.Node, "an expect step needs at least one of agreement, position, event, order");
        r.RejectUnknownKeys();
        return new ExpectStep(id, line, because, expectations.ToImmutable());
    }

    private AgreementExpectation Agreement(MappingReader r)
    {
        var topic = WorldFile.KnownId(r, "topic", topics, "topic");
        var absent = r.Has("absent") && Boolean(r, "absent");
        if (r.Has("exists"))
            absent = !Boolean(r, "exists");
        var parties = r.Has("parties")
            ? r.List("parties").Select(n => WorldFile.KnownItem(r, n, "parties", actors, "actor")).ToImmutableArray()
            : [];
        Interval? value = r.Has("value") ? Range(r, "value", 0, 100) : null;
        AgreementStatus? status = r.Has("status") ? r.Enum<AgreementStatus>("status") : null;
        r.RejectUnknownKeys();
        return new AgreementExpectation(topic, absent, parties, value, status);
    }

    private PositionExpectation Position(MappingReader r)
    {
        var actor = WorldFile.KnownId(r, "actor", actors, "actor");
        var topic = WorldFile.KnownId(r, "topic", topics, "topic");
        Interval? range = r.Has("range") ? Range(r, "range", 0, 100) : null;
        Direction? moved = r.Has("moved") ? r.Enum<Direction>("moved") : null;
        double? target = null;
        string? targetActor = null;
        if (moved is Direction.Toward or Direction.Away)
        {
            var node = r.Required("target");
            var text = r.Scalar(node, "target", $"a number from 0 to 100 or an actor id, one of {MappingReader.Choices(actors)}");
            if (actors.Contains(text))
                targetActor = text;
            else
                target = r.Number(node, "target", 0, 100);
        }
        else if (r.Has("target"))
            throw r.Fail(r.Required("target"), "'target' goes with 'moved: toward' or 'moved: away'");
        if (range is null && moved is null)
            throw r.Fail(r.Node, "a position expectation needs 'range' or 'moved'");
        r.RejectUnknownKeys();
        return new PositionExpectation(actor, topic, range, moved, target, targetActor);
    }

    private EventPattern Pattern(MappingReader r)
    {
        var kind = r.Enum<EventKind>("kind");
        var actor = r.Has("actor") ? WorldFile.KnownId(r, "actor", actors, "actor") : null;
        var topic = r.Has("topic") ? WorldFile.KnownId(r, "topic", topics, "topic") : null;
        var cause = r.OptionalString("cause");
        return new EventPattern(kind, actor, topic, cause);
    }

    private static bool Boolean(MappingReader r, string key)
    {
        var node = r.Required(key);
        return r.Scalar(node, key, "true or false") switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            var other => throw r.Fail(node, $"'{key}' must be true or false, not '{other}'"),
        };
    }

    private static Interval Range(MappingReader r, string key, double min, double max)
    {
        var node = r.Required(key);
        if (node is YamlScalarNode)
        {
            var v = r.Number(node, key, min, max);
            return new Interval(v, v);
        }
        var (low, high) = r.Range(key, min, max);
        return new Interval(low, high);
    }
}

using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>Reads and checks a scenario's steps against its world: every actor, topic and step a step names must exist.</summary>
public sealed partial class StepReader
{
    private static readonly string[] Kinds = ["propose", "respond", "shock", "rounds", "expect"];

    /// <summary>
    /// Every kind of step a scenario may hold, as errors list them: the kinds read here and <c>fork</c>, the last step
    /// of a scenario, which <see cref="ForkReader"/> reads before the steps come here.
    /// </summary>
    private static readonly string[] AllKinds = [.. Kinds, "fork"];

    /// <summary>A step's keys: its id, its kind, and the keys a <c>rounds</c> step reads beside its count.</summary>
    private static readonly string[] StepKeys = ["id", .. AllKinds, "topics", "rule", "opener"];
    private static readonly string[] ProposalKeys = ["from", "to", "terms", "rule", "deadline"];
    private static readonly string[] AnswerKeys = ["actor", "to", "answer", "terms", "because"];
    private static readonly string[] ShockStepKeys = ["reason", "changes"];

    private readonly string _file;
    private readonly string[] _actors;
    private readonly string[] _topics;
    private readonly HashSet<string> _held;
    private readonly Dictionary<string, int> _stepIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProposeStep> _proposals = new(StringComparer.Ordinal);
    private readonly List<(RespondStep Step, YamlNode Node, MappingReader Reader)> _responds = [];

    public StepReader(string file, World world)
    {
        _file = file;
        _actors = [.. world.Actors.Select(a => a.Id)];
        _topics = [.. world.Topics.Select(t => t.Id)];
        _held = [.. world.Positions.Select(p => $"{p.Actor}/{p.Topic}")];
    }

    public ImmutableArray<Step> ReadAll(IReadOnlyList<YamlNode> nodes)
    {
        var steps = ImmutableArray.CreateBuilder<Step>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
            steps.Add(Read(nodes[i], i + 1));

        foreach (var (respond, node, reader) in _responds)
        {
            if (!_proposals.TryGetValue(respond.Proposal, out var proposal))
                throw reader.Fail(node, _proposals.Count == 0
                    ? $"'to' names no propose step: '{respond.Proposal}'; this scenario has no propose step to answer, so add one with that id"
                    : $"'to' names no propose step: '{respond.Proposal}'; proposals in this scenario: {MappingReader.Known(_proposals.Keys)}");
            if (_stepIds[proposal.Id] < _stepIds[respond.Id])
                throw reader.Fail(node, $"the scripted answer to '{respond.Proposal}' must come before that proposal, which is step {_stepIds[proposal.Id]}");
            if (!proposal.To.Contains(respond.Actor))
                throw reader.Fail(node, $"{respond.Actor} does not receive '{respond.Proposal}'; its recipients are {Listed.And(proposal.To)}");
        }
        return steps.MoveToImmutable();
    }

    private Step Read(YamlNode node, int index)
    {
        // A step without a kind is said as an unknown kind, not an unknown key; a step with one has its other keys checked.
        var r = new MappingReader(_file, node, "a step", StepKeys, checkKeys: false);
        var kinds = Kinds.Where(r.Has).ToArray();
        if (kinds.Length == 0)
        {
            var keys = r.Node.Children.Select(p => (p.Key as YamlScalarNode)?.Value ?? "").Where(k => k != "id").ToArray();
            var first = keys.FirstOrDefault(k => !StepKeys.Contains(k)) ?? keys.FirstOrDefault();
            throw r.Fail(node, first is null
                ? $"a step needs {OneOf(AllKinds)}"
                : $"unknown step kind '{first}'{Closest.DidYouMean(first, AllKinds)}; expected {OneOf(AllKinds)}");
        }
        r.RejectUndeclaredKeys();
        if (kinds.Length > 1)
            throw r.Fail(node, $"a step has exactly one kind, but this one has {Listed.And(kinds)}");

        var id = r.OptionalString("id") ?? $"step-{index}";
        if (!Summits.Grains.WorldKey.IsId(id))
            throw r.Fail(r.Required("id"), $"'id' must be {Summits.Grains.WorldKey.IdRule}, not '{id}'");
        if (_stepIds.ContainsKey(id))
            throw r.Fail(r.Optional("id") ?? node, $"the step id '{id}' is used twice; step ids must be unique");
        _stepIds[id] = index;
        var line = (int)node.Start.Line;

        Step step = kinds[0] switch
        {
            "propose" => Propose(id, line, new MappingReader(_file, r.Required("propose"), "a proposal", ProposalKeys)),
            "respond" => Respond(id, line, new MappingReader(_file, r.Required("respond"), "a scripted answer", AnswerKeys)),
            "shock" => Shock(id, line, new MappingReader(_file, r.Required("shock"), "a shock", ShockStepKeys)),
            "rounds" => Rounds(id, line, r),
            _ => new ExpectationReader(_file, _actors, _topics).Read(id, line, new MappingReader(_file, r.Required("expect"), "an expectation", ExpectationReader.Keys)),
        };
        r.RejectUnknownKeys();
        return step;
    }

    private ProposeStep Propose(string id, int line, MappingReader r)
    {
        var from = Actor(r, "from");
        var to = Actors(r, "to");
        if (to.Contains(from))
            throw r.Fail(r.Required("to"), $"{from} cannot propose to itself; name other actors in 'to': {MappingReader.Known(_actors.Where(a => a != from))}");
        var terms = Terms(r, "terms");
        var rule = r.Has("rule") ? WorldFile.Rule(r, r.Required("rule"), to.Length + 1) : AgreementRule.Unanimity;
        int? deadline = r.Has("deadline") ? r.Integer("deadline", 1, 10_000) : null;
        r.RejectUnknownKeys();
        var step = new ProposeStep(id, line, from, to, terms, rule, deadline);
        _proposals[id] = step;
        return step;
    }

    private RespondStep Respond(string id, int line, MappingReader r)
    {
        var actor = Actor(r, "actor");
        var proposal = r.String("to");
        var response = r.Enum<Response>("answer");
        var counter = ImmutableArray<Term>.Empty;
        if (response == Response.Counter)
            counter = Terms(r, "terms");
        else if (r.Has("terms"))
            throw r.Fail(r.Required("terms"), $"only a counter answer carries 'terms', not {KebabCase.Of(response)}");
        var because = r.OptionalProse("because");
        r.RejectUnknownKeys();
        var step = new RespondStep(id, line, actor, proposal, new ScriptedAnswer(response, counter, because));
        _responds.Add((step, r.Required("to"), r));
        return step;
    }

    private static readonly string[] ShockKeys = ["position", "salience", "capability", "affinity"];
    private static readonly string[] ShockChangeKeys = [.. ShockKeys, "topic", "toward", "to", "by", "with-salience"];

    private ShockStep Shock(string id, int line, MappingReader r)
    {
        var reason = r.String("reason");
        var changes = ImmutableArray.CreateBuilder<ShockChange>();
        foreach (var node in r.List("changes"))
        {
            var c = new MappingReader(_file, node, "a shock change", ShockChangeKeys);
            var what = ShockKeys.Where(c.Has).ToArray();
            if (what.Length != 1)
                throw c.Fail(node, $"a shock change names exactly one of {Choices(ShockKeys)} with the actor it changes, for example 'salience: JP'");
            var target = Enum.Parse<ShockTarget>(what[0], ignoreCase: true);
            var actor = Actor(c, what[0]);
            string? topic = null, toward = null;
            double? salience = null;
            var (min, max) = target switch
            {
                ShockTarget.Position => (0.0, 100.0),
                ShockTarget.Affinity => (-1.0, 1.0),
                _ => (0.0, 1.0),
            };
            if (target is ShockTarget.Position or ShockTarget.Salience)
            {
                topic = Topic(c, "topic");
                var held = _held.Contains($"{actor}/{topic}");
                if (target == ShockTarget.Salience && !held)
                    throw c.Fail(c.Required("topic"), $"{actor} holds no position on '{topic}', so its salience cannot change");
                if (target == ShockTarget.Position && !held)
                {
                    salience = c.Has("with-salience") ? c.Number("with-salience", 0, 1)
                        : throw c.Fail(node, $"{actor} holds no position on '{topic}': to give it one, add 'with-salience' and 'to'");
                    if (!c.Has("to"))
                        throw c.Fail(node, $"{actor} holds no position on '{topic}': a new position needs 'to', not 'by'");
                    _held.Add($"{actor}/{topic}");
                }
            }
            if (target == ShockTarget.Affinity)
            {
                toward = Actor(c, "toward");
                if (toward == actor)
                    throw c.Fail(c.Required("toward"), "an actor has no affinity toward itself");
            }
            double? to = c.OptionalNumber("to", min, max);
            double? by = c.OptionalNumber("by", -(max - min), max - min);
            if (to is null == by is null)
                throw c.Fail(node, "a shock change says either 'to' (a new value) or 'by' (a shift), not both or neither");
            c.RejectUnknownKeys();
            changes.Add(new ShockChange(target, actor, topic, toward, to, by, salience));
        }
        r.RejectUnknownKeys();
        return new ShockStep(id, line, reason, changes.ToImmutable());
    }

    private RoundsStep Rounds(string id, int line, MappingReader r)
    {
        var count = r.Integer("rounds", 1, 100_000);
        var topics = r.Has("topics") ? r.List("topics").Select(n => WorldFile.KnownItem(r, n, "topics", _topics, "topic")).ToImmutableArray() : [];
        var rule = r.Has("rule") ? WorldFile.Rule(r, r.Required("rule"), _actors.Length) : AgreementRule.Unanimity;
        if (rule.Kind == AgreementRuleKind.KOfN)
        {
            foreach (var topic in topics.IsEmpty ? _topics : topics.AsEnumerable())
            {
                var parties = _actors.Where(a => _held.Contains($"{a}/{topic}")).ToArray();
                if (parties.Length >= 2 && rule.K > parties.Length)
                    throw r.Fail(r.Required("rule"), $"'{rule}' asks for {rule.K} parties, but '{topic}' has only {parties.Length}: {Listed.And(parties)}; k must be at most the parties of every topic the rounds cover");
            }
        }
        var opener = r.Has("opener") ? Actor(r, "opener") : null;
        return new RoundsStep(id, line, count, topics, rule, opener);
    }

    private string Actor(MappingReader r, string key) =>
        WorldFile.KnownId(r, key, _actors, "actor");

    private string Topic(MappingReader r, string key) =>
        WorldFile.KnownId(r, key, _topics, "topic");

    private ImmutableArray<string> Actors(MappingReader r, string key)
    {
        var node = r.Required(key);
        IEnumerable<YamlNode> items = node is YamlSequenceNode list ? list.Children : [node];
        var ids = new List<string>();
        foreach (var item in items)
        {
            // One actor or a list of them: a mapping, or a list within the list, is neither.
            if (item is not YamlScalarNode { Value: { } text })
                throw r.Fail(item, $"'{key}' must be an actor or a list of actors, {ActorExamples(key)}, not {(item is YamlMappingNode ? "a mapping" : "a list within the list")}; known actors: {MappingReader.Known(_actors)}");
            var actor = WorldFile.KnownId(r, item, text, _actors, "actor");
            if (ids.Contains(actor))
                throw r.Fail(item, $"{actor} is named twice in '{key}'");
            ids.Add(actor);
        }
        if (ids.Count == 0)
            throw r.Fail(node, $"'{key}' must name at least one actor: {Choices(_actors)}");
        return [.. ids];
    }

    /// <summary>How a key naming actors is written, with the world's first actors: "for example 'to: JP' or 'to: [JP, US]'".</summary>
    private string ActorExamples(string key) => _actors.Length == 1
        ? $"for example '{key}: {_actors[0]}' or '{key}: [{_actors[0]}]'"
        : $"for example '{key}: {_actors[0]}' or '{key}: [{_actors[0]}, {_actors[1]}]'";

    private ImmutableArray<Term> Terms(MappingReader r, string key)
    {
        var pairs = r.Pairs(key);
        if (pairs.Count == 0)
            throw r.Fail(r.Required(key), $"'{key}' is an empty package; name at least one topic with its value, for example {{ {_topics[0]}: 50 }}");
        var terms = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            var topic = WorldFile.KnownId(r, name, name.Value ?? "", _topics, "topic");
            if (terms.ContainsKey(topic))
                throw r.Fail(name, $"the package names the topic '{topic}' twice");
            terms[topic] = r.Number(value, topic, ScaleValue.Min, ScaleValue.Max);
        }
        return [.. terms.Select(t => new Term(t.Key, t.Value))];
    }

    private static string Choices(IEnumerable<string> choices) => MappingReader.Choices(choices);

    private static string OneOf(IEnumerable<string> choices) => MappingReader.OneOf(choices);


}

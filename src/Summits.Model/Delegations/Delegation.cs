using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// A country's delegation in one world: its positions and the proposals and shocks it has answered in the
/// advance in progress, so that a proposal or shock delivered twice changes nothing the second time. This is the state of a
/// country grain and of a country in a local run alike. Every move it makes is reported to the run, whose
/// timeline holds it with its cause; the delegation keeps no history, so its state does not grow with a run.
/// </summary>
[GenerateSerializer, Alias("summits.delegation")]
public sealed class Delegation
{
    [Id(0)] private Actor? _actor;
    [Id(1)] private readonly SortedDictionary<string, Position> _positions = new(StringComparer.Ordinal);
    // Id 2 held every move with its cause; it is retired (state written before still carries it): the
    // timeline holds each move, as a Move event.
    [Id(3)] private readonly Dictionary<string, Evaluation> _answered = new(StringComparer.Ordinal);
    [Id(4)] private readonly Dictionary<string, ImmutableArray<CommitmentChange>> _proposed = new(StringComparer.Ordinal);
    // Id 5 held the responses of earlier advances; it is retired (state written before still carries it).
    [Id(6)] private readonly Dictionary<string, ShockOutcome> _shocked = new(StringComparer.Ordinal);

    public bool IsSeeded => _actor is not null;

    public Actor Actor => _actor ?? throw new InvalidOperationException("this delegation has not been seeded");

    public IReadOnlyDictionary<string, Position> Positions => _positions;

    public void Seed(Actor actor, IEnumerable<Position> positions)
    {
        _actor = actor;
        _positions.Clear();
        foreach (var position in positions)
            _positions[position.Topic] = position;
    }

    public Position? PositionOn(string topic) => _positions.GetValueOrDefault(topic);

    /// <summary>Answers a proposal and moves toward it; the same proposal id again returns the first answer and moves nothing.</summary>
    public Evaluation Evaluate(Proposal proposal, IReadOnlyList<Commitment> commitments, ScriptedAnswer? scripted, IReadOnlyList<Exchange>? exchanges, ModelParameters parameters)
    {
        if (_answered.TryGetValue(proposal.Id, out var earlier))
            return earlier;
        var evaluation = Negotiator.Evaluate(Actor, _positions, proposal, commitments, scripted, parameters, exchanges);
        foreach (var move in evaluation.Moves)
            MoveTo(move);
        _answered[proposal.Id] = evaluation;
        return evaluation;
    }

    /// <summary>
    /// Records a proposal this delegation makes; terms against its own agreements strain or breach them. The same
    /// proposal id again within an advance returns the first changes.
    /// </summary>
    public ImmutableArray<CommitmentChange> Propose(Proposal proposal, IReadOnlyList<Commitment> commitments, ModelParameters parameters)
    {
        if (_proposed.TryGetValue(proposal.Id, out var earlier))
            return earlier;
        var changes = Negotiator.Contrary(_positions, proposal, commitments, parameters);
        _proposed[proposal.Id] = changes;
        return changes;
    }

    /// <summary>
    /// Applies one shock change to the actor: its capability (0..1), its affinity toward another actor (−1..1),
    /// its salience on a topic it holds (0..1), or its position on a topic (0–100; on a topic it does not hold,
    /// a new position at <see cref="ShockChange.To"/> with <see cref="ShockChange.Salience"/>), each clamped to
    /// its range. A moved position or salience can strain or breach the agreements in <paramref name="commitments"/>.
    /// Throws <see cref="ArgumentException"/> when the change lacks what it needs (the topic, the actor an
    /// affinity is toward, a held position for a salience change, the value and salience of a new position).
    /// The same <paramref name="command"/> id again within an advance returns the first outcome and changes
    /// nothing: a <c>by: +10</c> shock delivered twice moves a position 10, not 20.
    /// </summary>
    /// <param name="command">The shock change's id, unique within the advance.</param>
    public ShockOutcome Shock(string command, ShockChange change, string cause, IReadOnlyList<Commitment> commitments, ModelParameters parameters)
    {
        if (_shocked.TryGetValue(command, out var earlier))
            return earlier;
        var outcome = ApplyShock(change, cause, commitments, parameters);
        _shocked[command] = outcome;
        return outcome;
    }

    private ShockOutcome ApplyShock(ShockChange change, string cause, IReadOnlyList<Commitment> commitments, ModelParameters parameters)
    {
        var actor = Actor;
        switch (change.What)
        {
            case ShockTarget.Capability:
            {
                var after = change.Apply(actor.Capability, 0, 1);
                _actor = actor with { Capability = after };
                return new ShockOutcome(EventKind.CapabilityChanged, actor.Capability, after, []);
            }
            case ShockTarget.Affinity:
            {
                var toward = change.Toward ?? throw new ArgumentException("an affinity shock names the actor it is toward");
                var before = actor.AffinityToward(toward);
                var after = change.Apply(before, -1, 1);
                _actor = actor with { Affinity = actor.Affinity.SetItem(toward, after) };
                return new ShockOutcome(EventKind.AffinityChanged, before, after, []);
            }
            case ShockTarget.Salience:
            {
                var position = Held(change.Topic);
                var after = change.Apply(position.Salience, 0, 1);
                _positions[position.Topic] = position with { Salience = new Salience(after) };
                // A change of salience moves no one: it neither strains nor breaches an agreement (a party is held to
                // its agreements when it moves), though a strained one whose party is now within its window holds again.
                return new ShockOutcome(EventKind.SalienceChanged, position.Salience, after, Drifts(position.Topic, position.Value, position.Value, after, commitments, cause, parameters));
            }
            default:
            {
                var topic = change.Topic ?? throw new ArgumentException("a position shock names its topic");
                if (!_positions.TryGetValue(topic, out var position))
                {
                    var value = change.To ?? throw new ArgumentException($"{actor.Id} holds no position on '{topic}': a shock that gives it one names the value it moves to");
                    var salience = change.Salience ?? throw new ArgumentException($"{actor.Id} holds no position on '{topic}': a shock that gives it one names its salience");
                    _positions[topic] = new Position(actor.Id, topic, new ScaleValue(value), Interval.Point(value),
                        new Salience(salience), Interval.Point(salience),
                        new Provenance(PositionKind.Inferred, Provenance.Nobody, [], $"added by {cause}"));
                    return new ShockOutcome(EventKind.PositionAdded, double.NaN, value, []);
                }
                var after = change.Apply(position.Value, ScaleValue.Min, ScaleValue.Max);
                MoveTo(new Move(actor.Id, topic, position.Value, after, cause));
                return new ShockOutcome(EventKind.Move, position.Value, after, Drifts(topic, position.Value, after, position.Salience, commitments, cause, parameters));
            }
        }
    }

    /// <summary>
    /// Forgets the answers of the last advance as a new one begins: a run never delivers a proposal id
    /// again in a later advance, and a retried advance starts from the state before it, so only calls
    /// within one advance need the first answer again, and a country's state stops growing with every
    /// evaluation it ever made.
    /// </summary>
    public void BeginAdvance()
    {
        _answered.Clear();
        _proposed.Clear();
        _shocked.Clear();
    }

    private Position Held(string? topic) =>
        topic is not null && _positions.TryGetValue(topic, out var position)
            ? position
            : throw new ArgumentException($"{Actor.Id} holds no position on '{topic}'");

    private void MoveTo(Move move)
    {
        _positions[move.Topic] = _positions[move.Topic] with { Value = new ScaleValue(move.After) };
    }

    private ImmutableArray<CommitmentChange> Drifts(string topic, double before, double value, double salience, IReadOnlyList<Commitment> commitments, string cause, ModelParameters parameters)
    {
        var changes = ImmutableArray.CreateBuilder<CommitmentChange>();
        foreach (var c in commitments)
        {
            if (c.Topic == topic && Negotiator.Drift(c, value, salience, parameters, before) is { } status)
                changes.Add(new CommitmentChange(c.AgreementId, topic, Actor.Id, status, cause,
                    CommitmentWords.Distance(CommitmentWords.Lead(Actor.Id, "now at", c, status), value, c.Value, parameters.Window(salience))));
        }
        return changes.ToImmutable();
    }
}

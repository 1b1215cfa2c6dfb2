using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A world held in plain objects in this process: the pure model, with no Orleans runtime.</summary>
public sealed class LocalWorld : IWorldAccess
{
    private readonly World _seed;
    private readonly Dictionary<string, Delegation> _delegations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);

    public LocalWorld(World world)
    {
        _seed = world;
        foreach (var actor in world.Actors)
        {
            var delegation = new Delegation();
            delegation.Seed(actor, world.PositionsOf(actor.Id));
            _delegations[actor.Id] = delegation;
        }
        foreach (var topic in world.Topics)
        {
            var table = new Table();
            table.Seed(topic, world.PositionsOn(topic.Id).Select(p => p.Actor), world.Agreements.Where(a => a.Covers(topic.Id)));
            _tables[topic.Id] = table;
        }
    }

    public ICountryAccess Country(string actor) => new CountryAccess(_delegations[actor]);

    public ITopicAccess Topic(string topic) => new TopicAccess(_tables[topic], _delegations);

    /// <summary>
    /// Begins an advance: every delegation and table forgets the answers of the last one
    /// (<see cref="Delegation.BeginAdvance"/>), as a country or topic grain does, so that a long local run
    /// keeps no more than a hosted one.
    /// </summary>
    public void BeginAdvance()
    {
        foreach (var delegation in _delegations.Values)
            delegation.BeginAdvance();
        foreach (var table in _tables.Values)
            table.BeginAdvance();
    }

    /// <summary>The world as it stands now, in the seed's order of actors and topics.</summary>
    public World Snapshot()
    {
        var actors = _seed.Actors.Select(a => _delegations[a.Id].Actor).ToImmutableArray();
        var topicOrder = _seed.Topics.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var actorOrder = _seed.Actors.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var positions = _delegations.Values.SelectMany(d => d.Positions.Values)
            .OrderBy(p => topicOrder[p.Topic]).ThenBy(p => actorOrder[p.Actor]).ToImmutableArray();
        var agreements = _seed.Topics.SelectMany(t => _tables[t.Id].Agreements).DistinctBy(a => a.Id).ToImmutableArray();
        return _seed with { Actors = actors, Positions = positions, Agreements = agreements };
    }

    private sealed class CountryAccess(Delegation delegation) : ICountryAccess
    {
        public Task<Evaluation> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters) =>
            Task.FromResult(delegation.Evaluate(proposal, commitments, scripted, exchanges, parameters));

        public Task<Proposed> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters) =>
            Task.FromResult(new Proposed(delegation.Propose(proposal, commitments, parameters), delegation.Actor.Capability));

        public Task<ShockOutcome> Shock(string command, ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters) =>
            Task.FromResult(delegation.Shock(command, change, cause, commitments, parameters));

        public Task<Position?> PositionOn(string topic) => Task.FromResult(delegation.PositionOn(topic));

        public Task<Actor> Actor() => Task.FromResult(delegation.Actor);
    }

    private sealed class TopicAccess(Table table, Dictionary<string, Delegation> delegations) : ITopicAccess
    {
        public Task<TopicTable> Get() => Task.FromResult(table.Get());

        public Task<ImmutableArray<Position>> Positions() =>
            Task.FromResult(table.Participants
                .Select(a => delegations[a].PositionOn(table.Topic.Id))
                .OfType<Position>()
                .ToImmutableArray());

        public Task<bool> Record(Agreement agreement) => Task.FromResult(table.Record(agreement));

        public Task<ImmutableArray<CommitmentChange>> Apply(string command, ImmutableArray<CommitmentChange> changes) => Task.FromResult(table.Apply(command, changes));

        public Task Join(string actor)
        {
            table.Join(actor);
            return Task.CompletedTask;
        }
    }
}

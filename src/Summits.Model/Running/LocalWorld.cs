using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// A world held in plain objects in this process: the pure model, with no Orleans runtime. It is also the copy a
/// world grain runs autonomous steps on (<see cref="LocalWorld(IEnumerable{Delegation}, IEnumerable{Table})"/>), and
/// says which countries and topics have changed since it was last asked (<see cref="TakeChanges"/>).
/// </summary>
public sealed class LocalWorld : IWorldAccess
{
    private readonly World? _seed;
    private readonly Dictionary<string, Delegation> _delegations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);
    // The countries and topics changed since the last TakeChanges, by the same rule a country or topic grain marks
    // itself changed: an answer, a proposal or a shock; an agreement recorded, a status applied, an actor joined.
    private readonly SortedSet<string> _changedCountries = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _changedTopics = new(StringComparer.Ordinal);

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

    /// <summary>
    /// A world made of states held elsewhere: each country's <see cref="Delegation"/> and each topic's <see cref="Table"/>,
    /// taken as they are (not copied), keyed by their actor's and topic's id. A copy of a world's grains, which a world
    /// grain runs autonomous rounds and turns on; it has no seed, so it cannot give a <see cref="Snapshot"/>.
    /// </summary>
    public LocalWorld(IEnumerable<Delegation> delegations, IEnumerable<Table> tables)
    {
        foreach (var delegation in delegations)
            _delegations[delegation.Actor.Id] = delegation;
        foreach (var table in tables)
            _tables[table.Topic.Id] = table;
    }

    // A country's or topic's access holds nothing but its state, so one serves every call of a run.
    private readonly Dictionary<string, CountryAccess> _countryAccess = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TopicAccess> _topicAccess = new(StringComparer.Ordinal);

    public ICountryAccess Country(string actor) =>
        _countryAccess.TryGetValue(actor, out var access) ? access : _countryAccess[actor] = new CountryAccess(this, actor, _delegations[actor]);

    public ITopicAccess Topic(string topic) =>
        _topicAccess.TryGetValue(topic, out var access) ? access : _topicAccess[topic] = new TopicAccess(this, _tables[topic]);

    /// <summary>
    /// The countries and topics changed since the last call (or since the world was made), in ordinal order of their
    /// ids, and forgets them: what a world grain hands back to its grains. A country is changed by every answer,
    /// proposal and shock; a topic by an agreement recorded, a status applied or an actor joined.
    /// </summary>
    public (ImmutableArray<Delegation> Countries, ImmutableArray<Table> Topics) TakeChanges()
    {
        var changes = (_changedCountries.Select(a => _delegations[a]).ToImmutableArray(), _changedTopics.Select(t => _tables[t]).ToImmutableArray());
        _changedCountries.Clear();
        _changedTopics.Clear();
        return changes;
    }

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
    /// <exception cref="InvalidOperationException">The world was made of states held elsewhere, with no seed.</exception>
    public World Snapshot()
    {
        if (_seed is null)
            throw new InvalidOperationException("a world made of states held elsewhere has no seed to order a snapshot by");
        var actors = _seed.Actors.Select(a => _delegations[a.Id].Actor).ToImmutableArray();
        var topicOrder = _seed.Topics.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var actorOrder = _seed.Actors.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var positions = _delegations.Values.SelectMany(d => d.Positions.Values)
            .OrderBy(p => topicOrder[p.Topic]).ThenBy(p => actorOrder[p.Actor]).ToImmutableArray();
        var agreements = _seed.Topics.SelectMany(t => _tables[t.Id].Agreements).DistinctBy(a => a.Id).ToImmutableArray();
        return _seed with { Actors = actors, Positions = positions, Agreements = agreements };
    }

    private sealed class CountryAccess(LocalWorld world, string actor, Delegation delegation) : ICountryAccess
    {
        public Task<Evaluation> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters) =>
            Task.FromResult(Changed(delegation.Evaluate(proposal, commitments, scripted, exchanges, parameters)));

        public Task<Proposed> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters) =>
            Task.FromResult(Changed(new Proposed(delegation.Propose(proposal, commitments, parameters), delegation.Actor.Capability)));

        public Task<ShockOutcome> Shock(string command, ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters) =>
            Task.FromResult(Changed(delegation.Shock(command, change, cause, commitments, parameters)));

        private T Changed<T>(T answer)
        {
            world._changedCountries.Add(actor);
            return answer;
        }

        public Task<Position?> PositionOn(string topic) => Task.FromResult(delegation.PositionOn(topic));

        // The answer of the last Actor call, given again while the actor is the same object: every round reads every actor.
        private Task<Actor>? _actor;

        public Task<Actor> Actor() =>
            _actor is { } read && ReferenceEquals(read.Result, delegation.Actor) ? read : _actor = Task.FromResult(delegation.Actor);
    }

    private sealed class TopicAccess(LocalWorld world, Table table) : ITopicAccess
    {
        public Task<TopicTable> Get() => Task.FromResult(table.Get());

        public Task<ImmutableArray<Position>> Positions()
        {
            // A loop into a builder of the participants' number, not a query: every round asks every topic.
            var positions = ImmutableArray.CreateBuilder<Position>(table.Participants.Count);
            foreach (var actor in table.Participants)
            {
                if (world._delegations[actor].PositionOn(table.Topic.Id) is { } position)
                    positions.Add(position);
            }
            return Task.FromResult(positions.DrainToImmutable());
        }

        public Task<bool> Record(Agreement agreement)
        {
            var recorded = table.Record(agreement);
            if (recorded)
                Changed();
            return Task.FromResult(recorded);
        }

        public Task<ImmutableArray<CommitmentChange>> Apply(string command, ImmutableArray<CommitmentChange> changes)
        {
            var applied = table.Apply(command, changes);
            if (!applied.IsEmpty)
                Changed();
            return Task.FromResult(applied);
        }

        public Task Join(string actor)
        {
            table.Join(actor);
            Changed();
            return Task.CompletedTask;
        }

        private void Changed() => world._changedTopics.Add(table.Topic.Id);
    }
}

using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Lets one attempt at an advance reach a world's countries and topics as grains.</summary>
/// <remarks>
/// Every call carries the attempt, so each grain knows whether the advance is new to it or a retry. The
/// access remembers every country and topic it reached, so that the world grain can commit the ones the attempt
/// changed, or tell them all to drop what a failed attempt changed, and counts the calls that may change each one, so that a grain
/// the silo deactivated part way through the attempt (and so lost the earlier calls' changes) refuses to
/// commit (see <see cref="CheckpointedState{T}.CommitAsync"/>). One access serves every advance from one checkpoint to
/// the next (<see cref="Continue"/>). Every call of the model's carries <paramref name="cancellation"/>
/// (the advance's), so a cancelled advance stops at the next call; committing and abandoning do not, since
/// once begun they must finish for the world to stay whole.
/// </remarks>
public sealed class GrainWorldAccess(IGrainFactory grains, WorldKey world, AdvanceAttempt attempt, CancellationToken cancellation = default) : IWorldAccess
{
    private readonly SortedDictionary<string, Calls> _countries = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Calls> _topics = new(StringComparer.Ordinal);
    // The grains the advance in progress reached, of those above.
    private readonly SortedSet<string> _countriesNow = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _topicsNow = new(StringComparer.Ordinal);
    private AdvanceAttempt _attempt = attempt;
    private CancellationToken _cancellation = cancellation;

    /// <summary>
    /// Moves on to advance <paramref name="advance"/> of the same attempt (a world that checkpoints every N advances
    /// runs those between two checkpoints as one attempt), its calls carrying <paramref name="advanceCancellation"/>.
    /// The grains reached and the calls counted so far are kept, for the commit at the checkpoint.
    /// </summary>
    public void Continue(int advance, CancellationToken advanceCancellation)
    {
        _attempt = _attempt with { Advance = advance, Since = _attempt.From };
        _cancellation = advanceCancellation;
        lock (_countries)
            _countriesNow.Clear();
        lock (_topics)
            _topicsNow.Clear();
    }

    public ICountryAccess Country(string actor) =>
        new CountryAccess(CountryGrain(actor), _attempt, Reached(_countries, _countriesNow, actor), _cancellation);

    public ITopicAccess Topic(string topic) =>
        new TopicAccess(TopicGrain(topic), _attempt, Reached(_topics, _topicsNow, topic), _cancellation);

    private static Calls Reached(SortedDictionary<string, Calls> grains, SortedSet<string> now, string id)
    {
        lock (grains)
        {
            if (!grains.TryGetValue(id, out var calls))
                grains[id] = calls = new Calls();
            now.Add(id);
            return calls;
        }
    }

    /// <summary>
    /// Writes every country and topic the attempt changed, in parallel, telling each how many calls that may change it
    /// were made. A grain the attempt only read is not asked: its commit would write nothing (<see cref="During{T}"/>),
    /// and a deactivation could have lost it nothing.
    /// </summary>
    public Task CommitAsync() =>
        Task.WhenAll(_countries.Where(a => a.Value.Dirty).Select(a => CountryGrain(a.Key).Commit(_attempt, a.Value.Count))
            .Concat(_topics.Where(t => t.Value.Dirty).Select(t => TopicGrain(t.Key).Commit(_attempt, t.Value.Count))));

    /// <summary>
    /// Asks every country and topic the advance in progress reached and the attempt changed whether its activation
    /// served every call that may change it since the attempt began, writing nothing: the end of an advance that is
    /// not a checkpoint. A grain the attempt only read has nothing to lose and is not asked.
    /// </summary>
    /// <exception cref="InvalidOperationException">A grain was deactivated since and lost changes (see <see cref="CheckpointedState{T}.SealAsync"/>).</exception>
    public Task SealAsync() =>
        Task.WhenAll(_countriesNow.Where(a => _countries[a].Dirty).Select(a => CountryGrain(a).Seal(_attempt, _countries[a].Count))
            .Concat(_topicsNow.Where(t => _topics[t].Dirty).Select(t => TopicGrain(t).Seal(_attempt, _topics[t].Count))));

    /// <summary>Tells every country and topic reached since the attempt began to drop what it changed in memory.</summary>
    public Task AbandonAsync() =>
        Task.WhenAll(_countries.Keys.Select(a => CountryGrain(a).Abandon(_attempt))
            .Concat(_topics.Keys.Select(t => TopicGrain(t).Abandon(_attempt))));

    private ICountryGrain CountryGrain(string actor) => grains.GetGrain<ICountryGrain>(world.Country(actor));

    private ITopicGrain TopicGrain(string topic) => grains.GetGrain<ITopicGrain>(world.Topic(topic));

    /// <summary>
    /// How many calls that may change one grain the attempt has made (counted as they are sent), and whether the
    /// attempt changed it: a call that always changes its grain, or an answer that said so.
    /// </summary>
    private sealed class Calls
    {
        private int _count;
        private int _dirty;

        public int Count => Volatile.Read(ref _count);

        public bool Dirty => Volatile.Read(ref _dirty) != 0;

        public void Add() => Interlocked.Increment(ref _count);

        /// <summary>Counts a call that always changes its grain (Evaluate, Propose, Shock, Join).</summary>
        public void AddChanging()
        {
            Add();
            Volatile.Write(ref _dirty, 1);
        }

        /// <summary>The answer's value, the grain marked changed when the answer says so.</summary>
        public async Task<T> Answered<T>(Task<During<T>> call)
        {
            var answer = await call;
            if (answer.Dirty)
                Volatile.Write(ref _dirty, 1);
            return answer.Value;
        }
    }

    private sealed class CountryAccess(ICountryGrain grain, AdvanceAttempt attempt, Calls calls, CancellationToken cancellation) : ICountryAccess
    {
        public Task<Evaluation> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters)
        {
            calls.AddChanging();
            return grain.Evaluate(proposal, commitments, scripted, exchanges, parameters, attempt, cancellation);
        }

        public Task<Proposed> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters)
        {
            calls.AddChanging();
            return grain.Propose(proposal, commitments, parameters, attempt, cancellation);
        }

        public Task<ShockOutcome> Shock(string command, ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters)
        {
            calls.AddChanging();
            return grain.Shock(command, change, cause, commitments, parameters, attempt, cancellation);
        }

        public Task<Position?> PositionOn(string topic) => calls.Answered(grain.PositionOn(topic, attempt, cancellation));

        public Task<Actor> Actor() => calls.Answered(grain.ActorDuring(attempt, cancellation));
    }

    private sealed class TopicAccess(ITopicGrain grain, AdvanceAttempt attempt, Calls calls, CancellationToken cancellation) : ITopicAccess
    {
        public Task<TopicTable> Get() => calls.Answered(grain.GetDuring(attempt, cancellation));

        public Task<ImmutableArray<Position>> Positions() => calls.Answered(grain.Positions(attempt, cancellation));

        public Task<bool> Record(Agreement agreement)
        {
            calls.Add();
            return calls.Answered(grain.Record(agreement, attempt, cancellation));
        }

        public Task<ImmutableArray<CommitmentChange>> Apply(string command, ImmutableArray<CommitmentChange> changes)
        {
            calls.Add();
            return calls.Answered(grain.Apply(command, changes, attempt, cancellation));
        }

        public Task Join(string actor)
        {
            calls.AddChanging();
            return grain.Join(actor, attempt, cancellation);
        }
    }
}

using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Lets one attempt at an advance reach a world's countries and topics as grains.</summary>
/// <remarks>
/// Every call carries the attempt, so each grain knows whether the advance is new to it or a retry. The
/// access remembers every country and topic it reached, so that the world grain can commit the ones the attempt
/// changed, or tell them all to drop what a failed attempt changed, and counts the calls that may change each one, so that a grain
/// the silo deactivated part way through the attempt (and so lost the earlier calls' changes) refuses to
/// commit (see <see cref="CheckpointedState{T}.CommitAsync"/>). Every answer names the activation that gave it, so that
/// at the end of an advance between checkpoints the world finds, without asking, a grain the attempt changed that has
/// answered from a new activation since (<see cref="EnsureNothingLost"/>). One access serves every advance from one checkpoint to
/// the next (<see cref="Continue"/>). Every call of the model's carries <paramref name="cancellation"/>
/// (the advance's), so a cancelled advance stops at the next call; committing and abandoning do not, since
/// once begun they must finish for the world to stay whole.
/// </remarks>
public sealed class GrainWorldAccess(IGrainFactory grains, WorldKey world, AdvanceAttempt attempt, CancellationToken cancellation = default) : IWorldAccess
{
    private readonly SortedDictionary<string, Calls> _countries = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Calls> _topics = new(StringComparer.Ordinal);
    private AdvanceAttempt _attempt = attempt;
    private CancellationToken _cancellation = cancellation;
    // How many of the grains reached have answered from a second activation: while none has, nothing can be lost.
    private int _movedGrains;
    // The tables the attempt was given (Know), by topic id: each is the table of its topic once the attempt reaches it.
    private IReadOnlyDictionary<string, TopicTable> _known = EmptyTables;

    private static readonly IReadOnlyDictionary<string, TopicTable> EmptyTables = new Dictionary<string, TopicTable>();

    /// <summary>
    /// Moves on to advance <paramref name="advance"/> of the same attempt (a world that checkpoints every N advances
    /// runs those between two checkpoints as one attempt), its calls carrying <paramref name="advanceCancellation"/>.
    /// The grains reached, the calls counted, the activations that answered and the tables read so far are kept, for
    /// the advances to come and the commit at the checkpoint.
    /// </summary>
    public void Continue(int advance, CancellationToken advanceCancellation)
    {
        _attempt = _attempt with { Advance = advance, Since = _attempt.From };
        _cancellation = advanceCancellation;
    }

    /// <summary>
    /// The tables the attempt knows, by topic id: after a commit, what each of those topics holds, so that the next
    /// attempt can start from them (<see cref="Know"/>) instead of reading them again.
    /// </summary>
    public IReadOnlyDictionary<string, TopicTable> Tables()
    {
        var tables = new Dictionary<string, TopicTable>(_known, StringComparer.Ordinal);
        lock (_topics)
        {
            foreach (var (id, calls) in _topics)
            {
                if (calls.Table is { } table)
                    tables[id] = table;
            }
        }
        return tables;
    }

    /// <summary>
    /// Takes <paramref name="tables"/> (by topic id) as the attempt's tables of their topics, which it then does not read:
    /// the tables a world's last attempt knew at its checkpoint (<see cref="Tables"/>), when nothing else has changed those
    /// topics since, or, for the one attempt of a world kept in memory, the tables it seeded. Kept as given, and looked up
    /// as the attempt first reaches each topic; the caller changes the dictionary no more.
    /// </summary>
    public void Know(IReadOnlyDictionary<string, TopicTable> tables) => _known = tables;

    public ICountryAccess Country(string actor)
    {
        var calls = CountryCalls(actor);
        return new CountryAccess((ICountryGrain)calls.Grain, _attempt, calls, _cancellation);
    }

    public ITopicAccess Topic(string topic)
    {
        var calls = TopicCalls(topic);
        return new TopicAccess(this, (ITopicGrain)calls.Grain, _attempt, calls, _cancellation);
    }

    /// <summary>
    /// Makes the reference of an actor's country grain, given the actor's id, the first time the attempt reaches it: by
    /// default from the grain factory. The world grain hands over the references it makes once per activation, so that
    /// the samples a world grain runs one after another (a study's lane) make each reference once, not once per sample.
    /// </summary>
    internal Func<string, ICountryGrain>? CountryGrains { get; init; }

    /// <summary>Makes the reference of a topic's grain, given the topic's id, as <see cref="CountryGrains"/> a country's.</summary>
    internal Func<string, ITopicGrain>? TopicGrains { get; init; }

    private Calls CountryCalls(string actor) => Reached(_countries, actor, ReachCountry);

    private Calls TopicCalls(string topic) => Reached(_topics, topic, ReachTopic);

    private static readonly Func<GrainWorldAccess, string, Calls> ReachCountry = (access, actor) =>
        new Calls(access, actor, topic: false, access.CountryGrains?.Invoke(actor) ?? access.Grains.GetGrain<ICountryGrain>(access.World.Country(actor)));

    // A topic the attempt was given the table of (Know) starts from that table.
    private static readonly Func<GrainWorldAccess, string, Calls> ReachTopic = (access, topic) =>
        new Calls(access, topic, topic: true, access.TopicGrains?.Invoke(topic) ?? access.Grains.GetGrain<ITopicGrain>(access.World.Topic(topic)))
        {
            Table = access._known.GetValueOrDefault(topic),
        };

    private IGrainFactory Grains => grains;

    private WorldKey World => world;

    /// <summary>
    /// What the attempt knows of grain <paramref name="id"/>, made by <paramref name="reach"/> the first time the attempt
    /// reaches it: its reference is then made once per attempt, not once per call (making one looks the grain interface's
    /// type up by reflection).
    /// </summary>
    private Calls Reached(SortedDictionary<string, Calls> grains, string id, Func<GrainWorldAccess, string, Calls> reach)
    {
        lock (grains)
        {
            if (!grains.TryGetValue(id, out var calls))
                grains[id] = calls = reach(this, id);
            return calls;
        }
    }

    /// <summary>
    /// Copies the countries of <paramref name="actors"/> and the topics of <paramref name="topics"/>, with every topic an
    /// agreement on one of them covers, as the attempt sees them (one <c>StateDuring</c> call each to those the attempt
    /// may have changed, in parallel, the answers noted as any read's; a country whose delegation an earlier step left
    /// with the world, that delegation itself, with no call (<see cref="HoldAsync"/>); the others made from their
    /// seeding, below): the
    /// world an autonomous step (rounds, spatial-model turns) runs on in the pure model,
    /// with no call to a grain until its changes are handed back (<see cref="HoldAsync"/>, <see cref="CommitAsync"/>).
    /// A step's proposals reach no topic beyond those: their terms are on the step's topics, and the agreements they
    /// supersede or strain are agreements on those topics.
    /// </summary>
    /// <remarks>
    /// A country or topic that still holds what it was seeded with (<see cref="SeededCountry"/>, <see cref="SeededTable"/>),
    /// one the attempt has not changed, is made here from that seeding rather than asked for: the state its grain would
    /// answer. A step that changes it hands it back to its grain as it would a copy.
    /// </remarks>
    public async Task<LocalWorld> CopyAsync(IEnumerable<string> actors, IReadOnlyCollection<string> topics)
    {
        var countries = CopyAsync(actors, _countries, CountryCalls, SeededCountry);
        var tables = await CopyAsync(topics, _topics, TopicCalls, SeededTable);
        var covered = tables.SelectMany(t => t.Agreements).SelectMany(a => a.Terms.Keys).Distinct(StringComparer.Ordinal)
            .Where(t => !topics.Contains(t)).ToArray();
        return new LocalWorld(await countries, [.. tables, .. await CopyAsync(covered, _topics, TopicCalls, SeededTable)]);
    }

    private Task<T[]> CopyAsync<T>(IEnumerable<string> ids, SortedDictionary<string, Calls> reached, Func<string, Calls> calls, Func<string, T?>? seeded)
        where T : class
    {
        return Task.WhenAll(ids.Select(Copy));

        Task<T> Copy(string id)
        {
            if (Unchanged(reached, id) && seeded?.Invoke(id) is { } state)
                return Task.FromResult(state);
            var grain = calls(id);
            // A state a step handed back that no call has carried yet is the grain's as the attempt knows it: the step
            // runs on it, and it stays kept until a call carries it or the step hands it back again.
            if (grain.Kept is T kept)
                return Task.FromResult(kept);
            return grain.AfterKept(grain, static grain => ((IHeldStateGrain<T>)grain.Grain).StateDuring(grain.Attempt, grain.Cancellation));
        }
    }

    /// <summary>True when the attempt has not changed grain <paramref name="id"/>: every call it made to it has answered that it did not.</summary>
    private static bool Unchanged(SortedDictionary<string, Calls> reached, string id)
    {
        lock (reached)
            return !reached.TryGetValue(id, out var calls) || !calls.Dirty;
    }

    /// <summary>
    /// For an attempt that began as its world was seeded (a world kept in memory, whose run is one attempt): the state a
    /// country's grain was seeded with, made anew, given the actor's id, which the grain holds as long as the attempt has
    /// not changed it; null when the world does not know it. Null for any other attempt.
    /// </summary>
    internal Func<string, Delegation?>? SeededCountry { get; init; }

    /// <summary>The state a topic's grain was seeded with, made anew, given the topic's id, as <see cref="SeededCountry"/> a country's.</summary>
    internal Func<string, Table?>? SeededTable { get; init; }

    /// <summary>
    /// Hands back to their grains, in memory, the countries and topics <paramref name="copy"/> changed since it was made or
    /// last handed back: an autonomous step that ended between two checkpoints, so that the steps after it, in grains,
    /// find what it left. A topic's table goes back in a <c>Hold</c> call of its own (in parallel, counted as a call that
    /// changes its grain), and becomes the table the attempt knows. A country's delegation goes back with the country's
    /// next call (<see cref="HandedBack{T}"/>): a proposal's <c>Propose</c> or <c>Evaluate</c> carries it, any other call
    /// is sent after a <c>Hold</c> of it, and a commit writes it (<c>CommitHeld</c>); until then the attempt knows the
    /// country by it (<see cref="CopyAsync"/>). The states handed back are given up to their grains, which in one silo take
    /// the objects themselves: the caller drops <paramref name="copy"/> and runs nothing more on it.
    /// </summary>
    public Task HoldAsync(LocalWorld copy)
    {
        var (countries, tables) = copy.TakeChanges();
        foreach (var country in countries)
            CountryCalls(country.Actor.Id).Keep(new HandedBack<Delegation>(country, _attempt));
        foreach (var table in tables)
            TopicCalls(table.Topic.Id).Table = table.Get();
        return Task.WhenAll(Changed([], tables).Select(held => held.Calls.Answered(held.Hold(_attempt))));
    }

    /// <summary>
    /// <paramref name="copied"/> (the countries a copy changed since it was last handed back) and every delegation a step
    /// handed back that no call has carried yet (<see cref="HoldAsync"/>), taken from the countries that keep them, for a
    /// commit to write: a country the copy changed again goes back as the copy left it.
    /// </summary>
    private ImmutableArray<Delegation> WithKept(ImmutableArray<Delegation> copied)
    {
        List<Delegation>? kept = null;
        lock (_countries)
        {
            foreach (var (actor, calls) in _countries)
            {
                if (calls.TakeKeptForCommit() is { } state && !copied.Any(d => d.Actor.Id == actor))
                    (kept ??= []).Add(state.State);
            }
        }
        return kept is null ? copied : [.. copied, .. kept];
    }

    /// <summary>A changed state of the copy, with what the attempt knows of its grain, counted as a call that changes it.</summary>
    private IEnumerable<Handed> Changed(ImmutableArray<Delegation> countries, ImmutableArray<Table> tables)
    {
        var handed = countries.Select(d => Handed.Of(CountryCalls(d.Actor.Id), d))
            .Concat(tables.Select(t => Handed.Of(TopicCalls(t.Topic.Id), t)))
            .ToArray();
        foreach (var held in handed)
            held.Calls.AddChanging();
        return handed;
    }

    /// <summary>A state handed back to its grain (a country's <see cref="Delegation"/> or a topic's <see cref="Table"/>).</summary>
    private sealed record Handed(Calls Calls, Func<AdvanceAttempt, Task<During<bool>>> Hold, Func<AdvanceAttempt, int, Task> Commit)
    {
        public static Handed Of<T>(Calls calls, T state)
        {
            var grain = (IHeldStateGrain<T>)calls.Grain;
            return new Handed(calls, attempt => grain.Hold(state, attempt), (attempt, count) => grain.CommitHeld(state, attempt, count));
        }
    }

    /// <summary>
    /// Writes every country and topic the attempt changed, in parallel, telling each how many calls that may change it
    /// were made. A grain the attempt only read is not asked: its commit would write nothing (<see cref="During{T}"/>),
    /// and a deactivation could have lost it nothing. The countries and topics <paramref name="copy"/> (an autonomous
    /// step's, when one is in progress) changed since it was last handed back are handed back in the same call that
    /// writes them (<c>CommitHeld</c>, counted as a call that changes its grain).
    /// </summary>
    public Task CommitAsync(LocalWorld? copy = null) => CommitChangedAsync(copy, read: null);

    /// <summary>
    /// <see cref="CommitAsync"/>, answering every country and topic the attempt changed as its grain holds it once
    /// written: what <c>Final</c> would read back from each after the run's last advance, with no call beyond the commits. A
    /// country written by a plain commit answers its state in the same call (<c>CommitAndGet</c>); a state handed back by
    /// <paramref name="copy"/> is read from the copy before it is handed over, and a topic's table is the one the attempt
    /// carries (<see cref="Calls.Table"/>): only the attempt's own calls changed it, and each of them answered it.
    /// </summary>
    /// <remarks>
    /// For the one checkpoint of a world kept in memory, its run's last advance: its grains keep what they hold until
    /// they are seeded again, so the world reads them back from here.
    /// </remarks>
    /// <exception cref="InvalidOperationException">As <see cref="CommitAsync"/>: a grain did not serve all of the attempt's calls.</exception>
    public async Task<ChangedStates> CommitAndReadAsync(LocalWorld? copy)
    {
        var countries = new Dictionary<string, CountrySnapshot>(StringComparer.Ordinal);
        await CommitChangedAsync(copy, countries);
        var tables = new Dictionary<string, TopicTable>(StringComparer.Ordinal);
        lock (_topics)
        {
            foreach (var (id, calls) in _topics)
            {
                if (calls.Dirty && calls.Table is { } table)
                    tables.Add(id, table);
            }
        }
        return new ChangedStates(countries, tables);
    }

    /// <summary>
    /// What the grains an attempt changed hold once it has committed (<see cref="CommitAndReadAsync"/>): each country as
    /// <c>Get</c> answers it, by actor id, and each topic's table, by topic id. A changed grain whose state the commit did not
    /// give is in neither (the world then asks it).
    /// </summary>
    public sealed record ChangedStates(IReadOnlyDictionary<string, CountrySnapshot> Countries, IReadOnlyDictionary<string, TopicTable> Tables);

    /// <summary><see cref="CommitAsync"/>; with <paramref name="read"/>, each changed country's state, as committed, is added to it.</summary>
    private async Task CommitChangedAsync(LocalWorld? copy, Dictionary<string, CountrySnapshot>? read)
    {
        var (copied, tables) = copy?.TakeChanges() ?? ([], []);
        var countries = WithKept(copied);
        foreach (var table in tables)
            TopicCalls(table.Topic.Id).Table = table.Get();
        // Read before the states are handed over: the grains take them as they are.
        var handedCountries = read is null ? [] : countries.Select(CountryGrain.Snapshot).ToArray();
        var handed = Changed(countries, tables).ToArray();
        var held = handed.Select(h => h.Calls).ToHashSet();
        var changed = _countries.Where(a => a.Value.Dirty && !held.Contains(a.Value)).ToArray();
        var reads = read is null ? [] : changed.Select(a => ((ICountryGrain)a.Value.Grain).CommitAndGet(_attempt, a.Value.Count)).ToArray();
        var commits = read is null ? changed.Select(a => ((ICountryGrain)a.Value.Grain).Commit(_attempt, a.Value.Count)) : reads;
        await Task.WhenAll(handed.Select(h => h.Commit(_attempt, h.Calls.Count))
            .Concat(commits)
            .Concat(_topics.Values.Where(t => t.Dirty && !held.Contains(t)).Select(t => ((ITopicGrain)t.Grain).Commit(_attempt, t.Count))));
        if (read is null)
            return;
        foreach (var snapshot in handedCountries)
            read[snapshot.Actor.Id] = snapshot;
        for (var i = 0; i < changed.Length; i++)
            read[changed[i].Key] = await reads[i];
    }

    /// <summary>
    /// The ids of the countries and topics the attempt has changed so far: after <see cref="CommitAsync"/>, those it
    /// wrote, the states a copy handed back included (each counted as a call that changes its grain).
    /// </summary>
    public GrainIds ChangedIds()
    {
        lock (_countries)
        lock (_topics)
            return new(Dirty(_countries), Dirty(_topics));
    }

    private static HashSet<string> Dirty(SortedDictionary<string, Calls> grains)
    {
        var dirty = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, calls) in grains)
        {
            if (calls.Dirty)
                dirty.Add(id);
        }
        return dirty;
    }

    /// <summary>
    /// The ids of the topics the attempt has called so far, whatever the call (a read included): those whose grains hold
    /// the attempt's checkpoint, and so more than their seeding.
    /// </summary>
    public IReadOnlyList<string> CalledTopics() => Called(_topics);

    /// <summary>The ids of the countries the attempt has called so far, whatever the call, as <see cref="CalledTopics"/> gives the topics'.</summary>
    public IReadOnlyList<string> CalledCountries() => Called(_countries);

    private static IReadOnlyList<string> Called(SortedDictionary<string, Calls> grains)
    {
        lock (grains)
            return [.. grains.Where(g => g.Value.Called).Select(g => g.Key)];
    }

    /// <summary>
    /// The ids of the countries (<paramref name="Countries"/>) and topics (<paramref name="Topics"/>) an attempt changed
    /// (<see cref="ChangedIds"/>), each set compared ordinally.
    /// </summary>
    public sealed record GrainIds(IReadOnlySet<string> Countries, IReadOnlySet<string> Topics);

    /// <summary>
    /// Checks, with no call, that every country and topic the attempt changed has answered all its calls since the
    /// attempt began from one activation: the end of an advance, before its events are answered. A grain that answered
    /// from a second activation lost what the first held (the silo deactivated it part way through the attempt), so an
    /// answer may rest on lost changes. A grain the attempt only read has nothing to lose: a new activation reads the
    /// same state from storage.
    /// </summary>
    /// <exception cref="InvalidOperationException">A grain the attempt changed answered from two activations: the advance must be run again.</exception>
    public void EnsureNothingLost()
    {
        if (Volatile.Read(ref _movedGrains) == 0)
            return;
        foreach (var calls in _countries.Values.Concat(_topics.Values))
            if (calls.Dirty && calls.Moved)
                throw new InvalidOperationException(
                    $"{calls.Name} answered advance {_attempt.Advance} from a new activation after the attempt had changed it (it was deactivated part way through, and its changes are lost): the advance must be run again");
    }

    /// <summary>
    /// Tells every country and topic reached since the attempt began to drop what it changed in memory; a delegation a step
    /// handed back that no call has carried is dropped here.
    /// </summary>
    public Task AbandonAsync() =>
        Task.WhenAll(_countries.Values.Select(a => { a.TakeKeptForCommit(); return ((ICountryGrain)a.Grain).Abandon(_attempt); })
            .Concat(_topics.Values.Select(t => ((ITopicGrain)t.Grain).Abandon(_attempt))));

    /// <summary>
    /// What the attempt knows of one grain: how many calls that may change it were made (counted as they are sent),
    /// whether the attempt changed it (a call that always changes its grain, or an answer that said so), which
    /// activation answered first and whether another answered since, and for a topic its table.
    /// </summary>
    private sealed class Calls(GrainWorldAccess access, string id, bool topic, IAddressable grain)
    {
        private readonly Lock _lock = new();
        private int _count;
        private int _dirty;
        private Guid _activation;
        private bool _moved;
        private TopicTable? _table;

        /// <summary>The grain, in words, for a failure: <c>country WORLD/ACTOR</c>, <c>topic WORLD/TOPIC</c>.</summary>
        public string Name => topic ? $"topic {access.World.Topic(id)}" : $"country {access.World.Country(id)}";

        /// <summary>The grain: an <see cref="ICountryGrain"/> or an <see cref="ITopicGrain"/>.</summary>
        public IAddressable Grain => grain;

        public int Count => Volatile.Read(ref _count);

        public bool Dirty => Volatile.Read(ref _dirty) != 0;

        /// <summary>True once answers of the attempt came from two activations of the grain.</summary>
        public bool Moved
        {
            get
            {
                lock (_lock)
                    return _moved;
            }
        }

        /// <summary>
        /// For a topic: its table as the attempt last saw it (read once, then carried on from the answers of the calls
        /// that may change it), or null before the attempt has read it. Only the attempt's own calls change a table
        /// between two checkpoints, so this is the table the topic holds for the attempt.
        /// </summary>
        public TopicTable? Table
        {
            get => Volatile.Read(ref _table);
            set => Volatile.Write(ref _table, value);
        }

        public void Add() => Interlocked.Increment(ref _count);

        /// <summary>True once the attempt has sent the grain a call that may change it, or the grain has answered one of its calls.</summary>
        public bool Called
        {
            get
            {
                if (Count > 0)
                    return true;
                lock (_lock)
                    return _activation != Guid.Empty;
            }
        }

        /// <summary>Counts a call that always changes its grain (Evaluate, Propose, Shock, Join).</summary>
        public void AddChanging()
        {
            Add();
            Volatile.Write(ref _dirty, 1);
        }

        /// <summary>Notes an answer: the grain marked changed when it says so, and the activation that gave it.</summary>
        public void Answered(bool dirty, Guid activation)
        {
            if (dirty)
                Volatile.Write(ref _dirty, 1);
            lock (_lock)
            {
                if (_activation == Guid.Empty)
                    _activation = activation;
                else if (_activation != activation && !_moved)
                {
                    _moved = true;
                    Interlocked.Increment(ref access._movedGrains);
                }
            }
        }

        /// <summary>The answer's value, noted (<see cref="Answered(bool, Guid)"/>).</summary>
        public async Task<T> Answered<T>(Task<During<T>> call)
        {
            var answer = await call;
            Answered(answer.Dirty, answer.Activation);
            return answer.Value;
        }

        /// <summary>The attempt's current advance, as the access's calls carry it.</summary>
        public AdvanceAttempt Attempt => access._attempt;

        /// <summary>The advance's cancellation, as the access's calls carry it.</summary>
        public CancellationToken Cancellation => access._cancellation;

        // For a country: the delegation a step handed back that no call has carried yet (HoldAsync), and the last call
        // that carried one, which a later call to the grain awaits before it is sent, so that the grain takes the
        // delegation before it serves anything else.
        private HandedBack<Delegation>? _kept;
        private Task _carrying = Task.CompletedTask;

        /// <summary>
        /// Keeps <paramref name="handedBack"/> for the country's next call to carry (<see cref="Carrying"/>,
        /// <see cref="AfterKept"/>) or its commit to write, replacing any kept before; the grain is marked changed.
        /// </summary>
        public void Keep(HandedBack<Delegation> handedBack)
        {
            lock (_lock)
                _kept = handedBack;
            Volatile.Write(ref _dirty, 1);
        }

        /// <summary>
        /// The delegation kept for the country's next call, as the attempt knows the country; null when none is. A step
        /// copies it as it is (<see cref="CopyAsync"/>), and changes it only while it runs, one step at a time, with no call
        /// to the country in between; the next call or commit sends the object as the step left it.
        /// </summary>
        public Delegation? Kept
        {
            get
            {
                lock (_lock)
                    return _kept?.State;
            }
        }

        /// <summary>Takes the kept delegation, if any, for a commit to write it (or an abandon to drop it).</summary>
        public HandedBack<Delegation>? TakeKeptForCommit()
        {
            lock (_lock)
            {
                var kept = _kept;
                _kept = null;
                return kept;
            }
        }

        // The kept delegation, taken for the call about to be sent, with the last carrying call it must wait for and,
        // when it takes one, what it completes once answered.
        private (HandedBack<Delegation>? Kept, Task Before, TaskCompletionSource? Answered) TakeKept()
        {
            lock (_lock)
            {
                var (kept, before) = (_kept, _carrying);
                _kept = null;
                if (kept is null)
                    return (null, before, null);
                var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _carrying = answered.Task;
                return (kept, before, answered);
            }
        }

        /// <summary>
        /// The answer of <paramref name="call"/> (given <paramref name="state"/> and the kept delegation, or null), noted: a
        /// call that can carry a handed-back delegation (<c>Propose</c>, <c>Evaluate</c>) carries the one kept, counted as a
        /// call that changes the grain. Sent once any call that carried one before has been answered.
        /// </summary>
        public Task<T> Carrying<TState, T>(TState state, Func<TState, HandedBack<Delegation>?, Task<During<T>>> call)
        {
            var (kept, before, answered) = TakeKept();
            if (kept is null && before.IsCompleted)
                return Answered(call(state, null));
            return CarryingAsync(kept, before, answered, state, call);
        }

        private async Task<T> CarryingAsync<TState, T>(
            HandedBack<Delegation>? kept, Task before, TaskCompletionSource? answered, TState state, Func<TState, HandedBack<Delegation>?, Task<During<T>>> call)
        {
            try
            {
                await before;
                if (kept is not null)
                    AddChanging();
                return await Answered(call(state, kept));
            }
            finally
            {
                answered?.SetResult();
            }
        }

        /// <summary>
        /// The answer of <paramref name="call"/> (given <paramref name="state"/>), noted: a call that cannot carry a
        /// handed-back delegation is sent after a <c>Hold</c> of the one kept (counted as a call that changes the grain),
        /// once any call that carried one before has been answered.
        /// </summary>
        public Task<T> AfterKept<TState, T>(TState state, Func<TState, Task<During<T>>> call)
        {
            var (kept, before, answered) = TakeKept();
            if (kept is null && before.IsCompleted)
                return Answered(call(state));
            return AfterKeptAsync(kept, before, answered, state, call);
        }

        private async Task<T> AfterKeptAsync<TState, T>(
            HandedBack<Delegation>? kept, Task before, TaskCompletionSource? answered, TState state, Func<TState, Task<During<T>>> call)
        {
            try
            {
                await before;
                if (kept is not null)
                {
                    AddChanging();
                    await Answered(((ICountryGrain)Grain).Hold(kept.State, kept.Attempt));
                }
                return await Answered(call(state));
            }
            finally
            {
                answered?.SetResult();
            }
        }
    }

    /// <remarks>
    /// A proposal's calls carry a delegation a step handed back (<see cref="HoldAsync"/>); the others are sent after a
    /// <c>Hold</c> of it (<see cref="Calls.Carrying"/>, <see cref="Calls.AfterKept"/>).
    /// </remarks>
    private sealed class CountryAccess(ICountryGrain grain, AdvanceAttempt attempt, Calls calls, CancellationToken cancellation) : ICountryAccess
    {
        private readonly ICountryGrain _grain = grain;
        private readonly AdvanceAttempt _attempt = attempt;
        private readonly CancellationToken _cancellation = cancellation;

        public Task<Evaluation> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters)
        {
            calls.AddChanging();
            return calls.Carrying((this, proposal, commitments, scripted, exchanges, parameters), static (c, handedBack) =>
                c.Item1._grain.Evaluate(c.proposal, c.commitments, c.scripted, c.exchanges, c.parameters, c.Item1._attempt, handedBack, c.Item1._cancellation));
        }

        public Task<Proposed> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters)
        {
            calls.AddChanging();
            return calls.Carrying((this, proposal, commitments, parameters), static (c, handedBack) =>
                c.Item1._grain.Propose(c.proposal, c.commitments, c.parameters, c.Item1._attempt, handedBack, c.Item1._cancellation));
        }

        public Task<ShockOutcome> Shock(string command, ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters)
        {
            calls.AddChanging();
            return calls.AfterKept((this, command, change, cause, commitments, parameters), static c =>
                c.Item1._grain.Shock(c.command, c.change, c.cause, c.commitments, c.parameters, c.Item1._attempt, c.Item1._cancellation));
        }

        public Task<Position?> PositionOn(string topic) =>
            calls.AfterKept((this, topic), static c => c.Item1._grain.PositionOn(c.topic, c.Item1._attempt, c.Item1._cancellation));

        public Task<Actor> Actor() => calls.AfterKept(this, static c => c._grain.ActorDuring(c._attempt, c._cancellation));
    }

    /// <remarks>
    /// The table is read from the topic once per attempt (<c>GetDuring</c>), unless the attempt knows it already
    /// (<see cref="Know"/>), and carried on from the answers of the calls that change it, so that a proposal costs no
    /// read of its topics. A topic's positions are asked of its participants'
    /// countries through this world's access, never by the topic, so that every country the attempt reaches is
    /// counted, checked and committed by the world as it reaches them.
    /// </remarks>
    private sealed class TopicAccess(GrainWorldAccess world, ITopicGrain grain, AdvanceAttempt attempt, Calls calls, CancellationToken cancellation) : ITopicAccess
    {
        public async Task<TopicTable> Get() => calls.Table ??= await calls.Answered(grain.GetDuring(attempt, cancellation));

        public async Task<ImmutableArray<Position>> Positions()
        {
            var table = await Get();
            var positions = await Task.WhenAll(table.Participants.Select(actor => world.Country(actor).PositionOn(table.Topic.Id)));
            return [.. positions.OfType<Position>()];
        }

        public async Task<bool> Record(Agreement agreement)
        {
            calls.Add();
            return Carried(await grain.Record(agreement, attempt, cancellation));
        }

        public async Task<ImmutableArray<CommitmentChange>> Apply(string command, ImmutableArray<CommitmentChange> changes)
        {
            calls.Add();
            return Carried(await grain.Apply(command, changes, attempt, cancellation));
        }

        public async Task<ImmutableArray<CommitmentChange>> RecordApplying(Agreement agreement, string command, ImmutableArray<CommitmentChange> changes)
        {
            calls.Add();
            return Carried(await grain.RecordApplying(agreement, command, changes, attempt, cancellation));
        }

        public async Task Join(string actor)
        {
            calls.AddChanging();
            Carried(await grain.Join(actor, attempt, cancellation));
        }

        /// <summary>The answer's value, noted, and the table it carries kept as the attempt's.</summary>
        private T Carried<T>(TableAnswer<T> answer)
        {
            calls.Table = answer.Table;
            calls.Answered(answer.Dirty, answer.Activation);
            return answer.Value;
        }
    }
}

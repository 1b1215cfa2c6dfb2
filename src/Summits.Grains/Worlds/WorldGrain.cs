using Orleans.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Utilities;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Owns a world's metadata and fans seeding and read-back out to its countries and topics.</summary>
/// <remarks>
/// A run is written at its checkpoints: every <see cref="CheckpointOptions.CheckpointEvery"/>-th advance and its last.
/// Between two checkpoints the world keeps its run state and the advances' events in memory, and the
/// advances share one <see cref="GrainWorldAccess"/> and one attempt; an activation that ends between them (a fault,
/// or the silo) starts again from storage, the last checkpoint, and runs the advances since again, the same way,
/// when a caller asks for a later one.
/// </remarks>
// Worlds spread over every silo of a cluster: a study's samples run on all of them, not where the client first called.
[RandomPlacement]
[GrainType("world")]
public sealed partial class WorldGrain(
    [PersistentState("world", StorageNames.Summits)] IPersistentState<WorldState> state,
    Serializer serializer,
    IOptions<CheckpointOptions> checkpoints,
    IOptions<DriveOptions> drive,
    ILocalSiloDetails silo,
    ILogger<WorldGrain> logger) : Grain, IWorldGrain, IRemindable, IIncomingGrainCallFilter
{
    // The clients watching the run (summits worlds watch), each until it stops renewing: pushed each advance's events.
    private readonly ObserverManager<IWorldWatcher> _watchers = new(IWorldGrain.WatchExpiry, logger);

    // The timer that runs a driven run's next advance in this activation: null when the world is not driving here.
    private IGrainTimer? _drive;

    private string Key => this.GetPrimaryKeyString();

    // The key, read: a grain whose key is not a world key refuses to be seeded.
    private WorldKey World => WorldKey.Parse(Key);

    // How many advances the world had completed at its last checkpoint: what storage holds.
    private int _checkpointed;

    // The advances since the last checkpoint, in this activation: null at a checkpoint.
    private Unwritten? _unwritten;

    // A world kept in memory alone (InMemoryWorlds): its only checkpoint is the run's last advance, since a checkpoint
    // would write nothing; the run is then one attempt, each grain's changes kept once, and one timeline page.
    private bool _inMemory;

    // A world kept in memory keeps its timeline page here, page n at index n, rather than in a page grain: a page grain
    // would hold it in memory all the same, at the cost of an activation and a call to write it and one to retire it.
    private readonly List<ImmutableArray<TimelineEvent>> _pages = [];

    // The last event number of each timeline page this activation has read, page n at index n, for the pages no advance
    // adds to any more: where a read after an event begins (Timeline, Watch), found without reading the pages before it.
    private readonly List<int> _pageEnds = [];

    // The world as seeded in this activation, as its countries and topics answer for it until a run starts: Start reads
    // it here rather than from them (a world kept in memory, the world it was given, which holds the same actors, topics,
    // positions and agreements). Null once a run has started, or when this activation did not seed the world.
    private World? _seeded;

    // The world as its grains held it when Final read it back (and reset this grain, and every grain it called): asked
    // again, Final answers it, and Retire knows that this grain has nothing left to clear. Null again once the grain is
    // seeded for another run.
    private World? _final;

    // A world kept in memory, seeded in this activation: what its countries and topics were seeded with and how their
    // grains then read (AsSeeded), and, from its run's one checkpoint on, which of them the run changed. Its run's
    // attempt makes what it copies of a grain it has not changed from here, and Final answers from here for the grains the
    // run did not change, and from their commits' answers (Read) for those it did. Null for a durable world, and once
    // Final or the next seeding clears it.
    private SeededGrains? _asSeeded;

    // How the world this activation seeded last groups its positions and agreements (SeededParts): a lane's next
    // sampled world, of the same shape, groups the same. Null until a seeding.
    private SeedingShape? _shape;

    // The world a world kept in memory was seeded with, as given: Seed asked again compares it with what it is given, as
    // a durable world compares the digest its state keeps (WorldState.Seeded). Null for a durable world.
    private World? _seededWith;

    // The copy of the world's countries and topics that the autonomous step in progress (rounds, spatial-model turns)
    // runs on in the pure model, made at the step's first advance in this activation and handed back to the grains at
    // each checkpoint and at the step's end; null outside such a step. At a checkpoint the grains hold exactly what it
    // holds, so it carries on across checkpoints; an activation that ends loses it with the run's unwritten advances.
    private LocalWorld? _copy;

    // The tables of the topics the last checkpoint's attempt knew, as that checkpoint wrote them: only this world's
    // attempts change its topics, so the next attempt starts from them rather than reading each topic again; for a world
    // kept in memory, from its seeding on, the tables it seeded. Emptied whenever the topics may hold something else (a
    // failed advance, a durable world's seeding, Final).
    private IReadOnlyDictionary<string, TopicTable> _tables = NoTables;

    private static readonly IReadOnlyDictionary<string, TopicTable> NoTables = new Dictionary<string, TopicTable>();

    // A world kept in memory: the countries and topics whose grains hold what this activation last seeded them with and
    // that no call of a run has reached since, with that seeding, by actor and topic id. The next sample's seeding leaves
    // out each one it would give the same seeding (Holds): in a study most topics and the countries the study does not
    // vary are never called, and their seeding is the same from one sample to the next. One left out whose activation was
    // lost since holds nothing, and asks this world for its seeding (CountrySeeding, TopicSeeding) at its run's first
    // call. Empty for a durable world, whose grains' seeding is in storage.
    private readonly Dictionary<string, HeldSeeding<CountrySeeding, CountrySnapshot>> _countriesHolding = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HeldSeeding<TopicSeeding, TopicTable>> _topicsHolding = new(StringComparer.Ordinal);

    /// <summary>
    /// What <paramref name="holding"/> knows of the grain of <paramref name="id"/> when it holds seeding
    /// <paramref name="seed"/> already, untouched since (<see cref="_topicsHolding"/>): <paramref name="same"/> says so (the
    /// same records, as a study's samples share them in one process), or else the same bytes as the Orleans serializer
    /// writes them (a world sent from another process arrives as new objects; a held seeding is serialised once). Null when
    /// it holds another, or nothing known.
    /// </summary>
    private HeldSeeding<TSeeding, TRead>? HeldAs<TSeeding, TRead>(
        Dictionary<string, HeldSeeding<TSeeding, TRead>> holding, string id, TSeeding seed, Func<TSeeding, TSeeding, bool> same)
        where TSeeding : class
    {
        if (!_inMemory || !holding.TryGetValue(id, out var held))
            return null;
        if (same(held.Seeding, seed))
            return held;
        held.Bytes ??= serializer.SerializeToArray(held.Seeding);
        return held.Bytes.AsSpan().SequenceEqual(serializer.SerializeToArray(seed)) ? held : null;
    }

    /// <summary>
    /// A seeding a country's or topic's grain holds (<see cref="_topicsHolding"/>), with how the grain reads once seeded so
    /// (<see cref="AsSeeded"/>: a country's snapshot, a topic's table), and its bytes once a comparison has needed them.
    /// </summary>
    private sealed class HeldSeeding<TSeeding, TRead>(TSeeding seeding, TRead asSeeded)
    {
        public TSeeding Seeding => seeding;

        public TRead AsSeeded => asSeeded;

        public byte[]? Bytes { get; set; }
    }

    /// <summary>Forgets every grain held seeding (<see cref="_topicsHolding"/>): what they hold is no longer known.</summary>
    private void ForgetHeldSeedings()
    {
        _countriesHolding.Clear();
        _topicsHolding.Clear();
    }

    // Each reference is made once per activation: making one looks the grain interface's type up by reflection.
    private readonly Dictionary<string, ICountryGrain> _countryGrains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ITopicGrain> _topicGrains = new(StringComparer.Ordinal);

    /// <summary>
    /// What the advances since the last checkpoint hold in memory: their attempt, and their events in order, which the
    /// checkpoint writes as one timeline page, number <paramref name="Page"/> (the pages written before it).
    /// <paramref name="Seeded"/> is the seeding the attempt began from, for a world kept in memory whose run began as
    /// this activation seeded it (its one attempt then knows what each grain holds until it changes it); else null.
    /// </summary>
    private sealed record Unwritten(GrainWorldAccess Access, int Page, ImmutableArray<TimelineEvent>.Builder Events, SeededGrains? Seeded);

    public async Task Seed(World world, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        if (world.Id != World.Value)
            throw new ArgumentException($"world '{world.Id}' cannot be seeded into the grain of world '{Key}'");
        if (state.State.Info is null && InMemoryWorlds.IsCurrent != _inMemory)
            await FollowSeedingAsync();
        if (state.State.Info is { } seeded)
        {
            // The same world asked for again (its answer lost after the write had landed) is seeded already.
            var same = state.State.Seeded is { } kept ? kept.AsSpan().SequenceEqual(Digest(world))
                : _seededWith is { } given ? SameWorld(given, world)
                : SameInfo(seeded, world);
            if (same && state.State.Run is null)
                return;
            throw new InvalidOperationException(same
                ? $"world '{Key}' has already been seeded, and is running scenario '{state.State.Run!.Scenario.Id}'"
                : $"world '{Key}' has already been seeded with another world of that id");
        }

        // A world read back by Final waits here for its next sample (a study's lane): seeding replaces it.
        _final = null;
        _sample = null;
        _asSeeded = null;
        _tables = NoTables;
        var parts = SeededParts.Of(world, _shape);
        _shape = parts.Shape;
        var countrySeeds = world.Actors.Select(actor => new CountrySeeding(actor, parts.PositionsOf(actor.Id))).ToArray();
        var topicSeeds = world.Topics.Select(topic => new TopicSeeding(topic, parts.HoldersOf(topic.Id), parts.AgreementsOn(topic.Id))).ToArray();
        // Read before the lists are cleared below: the grains that hold their seeding already, null for the others.
        var heldCountries = Array.ConvertAll(countrySeeds, seed => HeldAs(_countriesHolding, seed.Actor.Id, seed, SameCountry));
        var heldTopics = Array.ConvertAll(topicSeeds, seed => HeldAs(_topicsHolding, seed.Topic.Id, seed, SameTable));
        var countries = countrySeeds.Where((_, i) => heldCountries[i] is null)
            .Select(seed => Country(seed.Actor.Id).Seed(seed.Actor, seed.Positions, cancellation)).ToArray();
        var topics = topicSeeds.Where((_, i) => heldTopics[i] is null)
            .Select(seed => Topic(seed.Topic.Id).Seed(seed.Topic, seed.Holders, seed.Agreements, cancellation)).ToArray();
        // Until every seeding has landed, no grain is known to hold what it was given.
        ForgetHeldSeedings();
        await Task.WhenAll(countries.Concat(topics));
        // Country and topic grains seeded before a cancellation are seeded again by the next Seed: only
        // the world's own write makes the world seeded.
        cancellation.ThrowIfCancellationRequested();

        state.State.Info = WorldInfo.Of(world);
        // A world kept in memory has no state beyond this activation: it keeps the world it was given, which cannot
        // change, and digests it only if asked again, rather than serialising every sample's world to digest it.
        state.State.Seeded = _inMemory ? null : Digest(world);
        _seededWith = _inMemory ? world : null;
        await WriteOrDeactivateAsync();
        var asSeeded = AsSeeded(countrySeeds, topicSeeds, heldCountries, heldTopics);
        // A world kept in memory starts from the world it was given, as the pure model starts a run (its grains hold it
        // as given, positions grouped otherwise); a durable world from the world as its grains answer for it.
        _seeded = _inMemory ? world : Assemble(state.State.Info, asSeeded.Countries, asSeeded.Tables);
        _asSeeded = _inMemory ? asSeeded : null;
        if (_inMemory)
        {
            for (var i = 0; i < countrySeeds.Length; i++)
                _countriesHolding[countrySeeds[i].Actor.Id] = heldCountries[i] ?? new(countrySeeds[i], asSeeded.Countries[i]);
            for (var i = 0; i < topicSeeds.Length; i++)
                _topicsHolding[topicSeeds[i].Topic.Id] = heldTopics[i] ?? new(topicSeeds[i], asSeeded.Tables[i]);
        }
        // What each topic of a world kept in memory holds now, which its run's attempt takes rather than reading it. A
        // durable world's first attempt reads them, as the fault tests count its grains' storage reads.
        _tables = _inMemory ? asSeeded.TablesById : NoTables;
    }

    /// <summary>
    /// Keeps this world where the seeding call says, in memory or in storage, when the activation holds no world (a fresh
    /// one, a lane's world after its sample's <see cref="Final"/>, or one that activated again and found nothing stored):
    /// whatever call began the activation, a world's seeding decides. An activation that holds a world keeps it where it
    /// is, and its seeding is answered or refused as before. A world that storage turns out to hold once read is left to
    /// the activation that reads it as it starts (its run resumed, its drive armed): this one deactivates, and the seeding
    /// is answered or refused against what was read.
    /// </summary>
    /// <exception cref="Exception">Whatever the grain storage throws on its read; the grain then deactivates.</exception>
    private async Task FollowSeedingAsync()
    {
        try
        {
            await InMemoryWorlds.FollowSeedingAsync(state);
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
        _inMemory = InMemoryWorlds.IsCurrent;
        _checkpointed = state.State.Advances;
        if (state.State.Info is not null)
            DeactivateOnIdle();
    }

    /// <summary>
    /// The countries and topics seeded with <paramref name="countrySeeds"/> and <paramref name="topicSeeds"/> as their
    /// grains answer for them once seeded and before any advance: each made here as its grain made it (the same
    /// <see cref="Delegation.Seed"/> and <see cref="Table.Seed"/> of the same values) and read as its grain reads it, in
    /// the world's order, so that Start gets the bytes it would read back from them, and Final of a world kept in memory
    /// those of the grains its run did not change. A grain that holds its seeding already (<paramref name="heldCountries"/>,
    /// <paramref name="heldTopics"/>, null for the others) reads as it read when it was seeded so: taken, not made again.
    /// </summary>
    private static SeededGrains AsSeeded(
        CountrySeeding[] countrySeeds, TopicSeeding[] topicSeeds,
        HeldSeeding<CountrySeeding, CountrySnapshot>?[] heldCountries, HeldSeeding<TopicSeeding, TopicTable>?[] heldTopics)
    {
        var countries = new CountrySnapshot[countrySeeds.Length];
        for (var i = 0; i < countries.Length; i++)
        {
            if (heldCountries[i] is { } held)
            {
                countries[i] = held.AsSeeded;
                continue;
            }
            var delegation = new Delegation();
            countrySeeds[i].Into(delegation);
            countries[i] = CountryGrain.Snapshot(delegation);
        }
        var tables = new TopicTable[topicSeeds.Length];
        for (var i = 0; i < tables.Length; i++)
        {
            if (heldTopics[i] is { } held)
            {
                tables[i] = held.AsSeeded;
                continue;
            }
            var table = new Table();
            topicSeeds[i].Into(table);
            tables[i] = table.Get();
        }
        return new SeededGrains(countrySeeds, topicSeeds, countries, tables);
    }

    private static readonly Func<CountrySeeding, CountrySeeding, bool> SameCountry = (held, seed) => held.SeedsSameCountryAs(seed);
    private static readonly Func<TopicSeeding, TopicSeeding, bool> SameTable = (held, seed) => held.SeedsSameTableAs(seed);

    /// <summary>
    /// A world's countries and topics as seeded (<see cref="AsSeeded"/>): what each was seeded with and how each reads
    /// then (<see cref="Countries"/>, <see cref="Tables"/>), countries in the order of the world's actors, topics in the
    /// order of its topics. <see cref="Changed"/> is set when the run of a world kept in memory commits its one
    /// checkpoint, its last advance: the grains that run changed.
    /// </summary>
    private sealed class SeededGrains(CountrySeeding[] countrySeeds, TopicSeeding[] topicSeeds, CountrySnapshot[] countries, TopicTable[] tables)
    {
        private readonly Dictionary<string, CountrySeeding> _countrySeeds = countrySeeds.ToDictionary(s => s.Actor.Id, StringComparer.Ordinal);
        private readonly Dictionary<string, TopicSeeding> _topicSeeds = topicSeeds.ToDictionary(s => s.Topic.Id, StringComparer.Ordinal);

        /// <summary>Each country as its grain reads once seeded, in the order of the world's actors.</summary>
        public CountrySnapshot[] Countries => countries;

        /// <summary>Each topic's table as its grain reads once seeded, in the order of the world's topics.</summary>
        public TopicTable[] Tables => tables;

        /// <summary><see cref="Tables"/> by topic id, made when first asked for.</summary>
        public IReadOnlyDictionary<string, TopicTable> TablesById => _tablesById ??= tables.ToDictionary(t => t.Topic.Id, StringComparer.Ordinal);

        private Dictionary<string, TopicTable>? _tablesById;

        /// <summary>The countries and topics the run changed, once its one checkpoint has committed; null before.</summary>
        public GrainWorldAccess.GrainIds? Changed { get; set; }

        /// <summary>How the grains the run changed read once its one checkpoint has committed (<see cref="GrainWorldAccess.CommitAndReadAsync"/>); null before.</summary>
        public GrainWorldAccess.ChangedStates? Read { get; set; }

        /// <summary>
        /// Country <paramref name="actor"/>, the world's <paramref name="i"/>-th, as its grain holds it after the run's one
        /// checkpoint: as its commit answered it, or as seeded when the run did not change it; null when the run changed it
        /// and its commit gave no state, and before the checkpoint.
        /// </summary>
        public CountrySnapshot? CountryAsRead(string actor, int i) =>
            Read is null || Changed is null ? null
            : Read.Countries.TryGetValue(actor, out var read) ? read
            : Changed.Countries.Contains(actor) ? null
            : countries[i];

        /// <summary>Topic <paramref name="topic"/>'s table, the world's <paramref name="i"/>-th, as <see cref="CountryAsRead"/> gives a country.</summary>
        public TopicTable? TableAsRead(string topic, int i) =>
            Read is null || Changed is null ? null
            : Read.Tables.TryGetValue(topic, out var read) ? read
            : Changed.Topics.Contains(topic) ? null
            : tables[i];

        /// <summary>A new delegation seeded as country <paramref name="actor"/>'s grain was; null for an actor the world does not have.</summary>
        public Delegation? Country(string actor)
        {
            if (!_countrySeeds.TryGetValue(actor, out var seed))
                return null;
            var delegation = new Delegation();
            seed.Into(delegation);
            return delegation;
        }

        /// <summary>What country <paramref name="actor"/>'s grain was seeded with; null for an actor the world does not have.</summary>
        public CountrySeeding? CountrySeeding(string actor) => _countrySeeds.GetValueOrDefault(actor);

        /// <summary>What topic <paramref name="topic"/>'s grain was seeded with; null for a topic the world does not have.</summary>
        public TopicSeeding? TopicSeeding(string topic) => _topicSeeds.GetValueOrDefault(topic);

        /// <summary>A new table seeded as topic <paramref name="topic"/>'s grain was; null for a topic the world does not have.</summary>
        public Table? Topic(string topic)
        {
            if (!_topicSeeds.TryGetValue(topic, out var seed))
                return null;
            var table = new Table();
            seed.Into(table);
            return table;
        }
    }

    /// <summary>
    /// What seeding gives each country and topic of a world: each actor's positions and each topic's holders, in the
    /// world's order, and the agreements that cover each topic. The grouping (<see cref="SeedingShape"/>) is made once
    /// for worlds of one shape: a study's lane seeds a sampled world of its scenario's world for every sample, with new
    /// values in the same places, and takes the last world's grouping again. Seeding reads the grains' seeds and
    /// <see cref="AsSeeded"/> from the same groups.
    /// </summary>
    private sealed class SeededParts
    {
        private readonly World _world;

        private SeededParts(World world, SeedingShape shape)
        {
            _world = world;
            Shape = shape;
        }

        /// <summary>How <see cref="_world"/>'s positions and agreements group by actor and topic.</summary>
        public SeedingShape Shape { get; }

        /// <summary>
        /// The parts of <paramref name="world"/>, grouped as <paramref name="last"/> (the parts of the world this grain
        /// seeded last, or null) when the world has its shape (<see cref="SeedingShape.Fits"/>), else grouped anew.
        /// </summary>
        public static SeededParts Of(World world, SeedingShape? last) =>
            new(world, last is not null && last.Fits(world) ? last : SeedingShape.Of(world));

        /// <summary>The positions of <paramref name="actor"/>, in the world's order; empty for an actor that holds none.</summary>
        public ImmutableArray<Position> PositionsOf(string actor)
        {
            if (!Shape.PositionsByActor.TryGetValue(actor, out var indices))
                return [];
            var positions = ImmutableArray.CreateBuilder<Position>(indices.Length);
            foreach (var i in indices)
                positions.Add(_world.Positions[i]);
            return positions.MoveToImmutable();
        }

        /// <summary>The actors that hold a position on <paramref name="topic"/>, in the world's order; empty when none does.</summary>
        public ImmutableArray<string> HoldersOf(string topic) => Shape.Holders.GetValueOrDefault(topic, []);

        /// <summary>The world's agreements that cover <paramref name="topic"/> (<see cref="Agreement.Covers"/>), in the world's order.</summary>
        public ImmutableArray<Agreement> AgreementsOn(string topic) => Shape.Agreements.GetValueOrDefault(topic, []);
    }

    /// <summary>
    /// How a world's positions and agreements group for seeding (<see cref="SeededParts"/>): the indices of each actor's
    /// positions in the world's list, each topic's holders, and the agreements that cover each topic, all in the world's
    /// order. A world that has the same actor and topic at every index of its positions and the same agreements (the same
    /// objects) groups the same (<see cref="Fits"/>).
    /// </summary>
    private sealed class SeedingShape
    {
        private readonly string[] _actors;
        private readonly string[] _topics;
        private readonly ImmutableArray<Agreement> _agreements;

        private SeedingShape(World world)
        {
            _actors = [.. world.Positions.Select(p => p.Actor)];
            _topics = [.. world.Positions.Select(p => p.Topic)];
            _agreements = world.Agreements;
            PositionsByActor = Enumerable.Range(0, _actors.Length).GroupBy(i => _actors[i], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
            Holders = Enumerable.Range(0, _topics.Length).GroupBy(i => _topics[i], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(i => _actors[i]).ToImmutableArray(), StringComparer.Ordinal);
            // One pass over the agreements rather than one per topic.
            Agreements = world.Agreements.SelectMany(a => a.Terms.Keys, (a, topic) => (a, topic))
                .GroupBy(p => p.topic, p => p.a, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        }

        /// <summary>Groups <paramref name="world"/>'s positions and agreements.</summary>
        public static SeedingShape Of(World world) => new(world);

        /// <summary>By actor id: the indices of the actor's positions in the world's positions, in order.</summary>
        public IReadOnlyDictionary<string, int[]> PositionsByActor { get; }

        /// <summary>By topic id: the actors that hold a position on it, in the world's order.</summary>
        public IReadOnlyDictionary<string, ImmutableArray<string>> Holders { get; }

        /// <summary>By topic id: the agreements whose terms cover it, in the world's order.</summary>
        public IReadOnlyDictionary<string, ImmutableArray<Agreement>> Agreements { get; }

        /// <summary>
        /// True when <paramref name="world"/> groups as this shape does: the same actor and topic (ordinally) at every index
        /// of its positions, and the same agreement objects in the same order.
        /// </summary>
        public bool Fits(World world)
        {
            var positions = world.Positions;
            if (positions.Length != _actors.Length || !world.Agreements.AsSpan().SequenceEqual(_agreements.AsSpan(), ReferenceComparer))
                return false;
            for (var i = 0; i < positions.Length; i++)
            {
                if (!string.Equals(positions[i].Actor, _actors[i], StringComparison.Ordinal)
                    || !string.Equals(positions[i].Topic, _topics[i], StringComparison.Ordinal))
                    return false;
            }
            return true;
        }

        private static readonly IEqualityComparer<Agreement> ReferenceComparer = ReferenceEqualityComparer.Instance;
    }

    /// <summary>SHA-256 of <paramref name="world"/> as the Orleans serializer writes it (<see cref="WorldState.Seeded"/>).</summary>
    private byte[] Digest(World world) => SHA256.HashData(serializer.SerializeToArray(world));

    /// <summary>Whether <paramref name="given"/> and <paramref name="world"/> are the same world: the same object, or the same digest.</summary>
    private bool SameWorld(World given, World world) =>
        ReferenceEquals(given, world) || Digest(given).AsSpan().SequenceEqual(Digest(world));

    /// <summary>
    /// Whether a world stored with no digest (an earlier version's) holds <paramref name="world"/>'s metadata: every
    /// field of <see cref="WorldInfo"/>, the ids in order.
    /// </summary>
    private static bool SameInfo(WorldInfo info, World world)
    {
        var given = WorldInfo.Of(world);
        return info with { Actors = given.Actors, Topics = given.Topics } == given
            && info.Actors.SequenceEqual(given.Actors) && info.Topics.SequenceEqual(given.Topics);
    }

    public Task<WorldInfo> Info() => Task.FromResult(Current);

    /// <summary>
    /// State written by an earlier version kept the whole timeline in memory instead of the event count and
    /// the expectations' watches: those are rebuilt from the pages, once, as the world activates.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _inMemory = InMemoryWorlds.IsCurrent;
        _checkpointed = state.State.Advances;
        if (state.State.Run is { Watches: null } run)
        {
            // Read a page at a time, the one place the timeline is kept, so that no more than a page is held.
            run.Resume([]);
            for (var n = 0; n < run.Pages; n++)
            {
                foreach (var e in await ReadPage(n))
                    run.Wrote(e);
            }
        }
    }

    /// <summary>
    /// Up to <paramref name="count"/> of the run's events numbered after <paramref name="after"/>, in order, read from the
    /// pages that hold them: the first page read is the first not known (<see cref="_pageEnds"/>) to end at or before
    /// <paramref name="after"/>, and the read stops at the page that fills the answer.
    /// </summary>
    private async Task<ImmutableArray<TimelineEvent>> ReadAfterAsync(RunState run, int after, int count, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        count = Math.Min(count, IWorldGrain.TimelineMost);
        var events = ImmutableArray.CreateBuilder<TimelineEvent>();
        if (after >= run.Events)
            return [];
        var known = _pageEnds.BinarySearch(after);
        for (var n = known >= 0 ? known + 1 : ~known; n < run.Pages && events.Count < count; n++)
        {
            cancellation.ThrowIfCancellationRequested();
            var page = await ReadPage(n);
            // A page the advances since the last checkpoint still add to has no end yet.
            if (n == _pageEnds.Count && !page.IsEmpty && _unwritten?.Page != n)
                _pageEnds.Add(page[^1].Seq);
            foreach (var e in page)
            {
                if (e.Seq <= after)
                    continue;
                events.Add(e);
                if (events.Count == count)
                    break;
            }
        }
        return events.ToImmutable();
    }

    /// <summary>Page <paramref name="n"/>'s events: from memory when its advances ran since the last checkpoint, else from its grain.</summary>
    private Task<ImmutableArray<TimelineEvent>> ReadPage(int n) =>
        _unwritten is { } unwritten && n == unwritten.Page && unwritten.Events.Count > 0
            ? Task.FromResult(unwritten.Events.ToImmutable())
            : _inMemory ? Task.FromResult(n < _pages.Count ? _pages[n] : []) : Page(n).Read();

    /// <summary>The events of the call of <c>Advance</c> that ended as <paramref name="end"/> says: its page's, from the call's first event on.</summary>
    private async Task<ImmutableArray<TimelineEvent>> EventsOf(AdvanceEnd end)
    {
        if (end.Page < 0)
            return [];
        var page = await ReadPage(end.Page);
        return end.First == 0 ? page : [.. page.Skip(end.First)];
    }

    public Task Start(Scenario scenario, CancellationToken cancellation = default) =>
        Start(scenario, checkpoints.Value.CheckpointEvery, cancellation);

    public async Task Start(Scenario scenario, int checkpointEvery, CancellationToken cancellation = default)
    {
        CheckpointOptions.Checked(checkpointEvery);
        if (state.State.Run is { } running)
        {
            // The same scenario asked for again before any advance (its answer lost after the write had landed)
            // has started already.
            if (state.State.Advances == 0 && SameScenario(running.Scenario, scenario))
                return;
            throw new InvalidOperationException($"world '{Key}' is already running scenario '{running.Scenario.Id}'");
        }
        // Seeded in this activation, the world is what it seeded: nothing has changed its grains since.
        var world = _seeded ?? await Snapshot(cancellation);
        cancellation.ThrowIfCancellationRequested();
        state.State.Run = RunState.Begin(scenario, world);
        state.State.CheckpointEveryLess1 = checkpointEvery - 1;
        await WriteOrDeactivateAsync();
        _seeded = null;
    }

    /// <summary>Writes the state; if the write fails, this activation ends, so that memory is again what storage holds.</summary>
    private async Task WriteOrDeactivateAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<int> Advances() => Task.FromResult(state.State.Advances);

    public Task<Advance> Advance(int step, CancellationToken cancellation = default) => Advance(step, 1, cancellation);

    public async Task<Advance> Advance(int step, int most, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(most, 1);
        var run = state.State.Run ?? throw new InvalidOperationException($"world '{Key}' has no scenario running");
        if (state.State.LastEnd is { } end && step == state.State.Advances - end.Advances)
            return new Advance(await EventsOf(end), end.Finished, end.Failures, end.Advances);
        if (state.State.Last is { } last && step == state.State.Advances - 1)
            return last with { Advances = 1 };
        // A caller may be ahead of a world that went back to its checkpoint (it lost an activation between two):
        // the advances it saw since are run again, the same way, before the one it asks for.
        var again = state.State.Advances == _checkpointed && step > _checkpointed && step < _checkpointed + state.State.CheckpointEvery;
        if (step != state.State.Advances && !again)
            throw new ArgumentOutOfRangeException(nameof(step), step,
                $"world '{Key}' has completed {state.State.Advances} advances: the next is {state.State.Advances}");
        if (run.Finished)
            throw new InvalidOperationException($"world '{Key}' has finished scenario '{run.Scenario.Id}': its last advance was {state.State.Advances - 1}");
        cancellation.ThrowIfCancellationRequested();
        try
        {
            while (state.State.Advances < step)
            {
                await AdvanceOnceAsync(run, state.State.Advances, _unwritten?.Events.Count ?? 0, cancellation);
                if (run.Finished)
                    throw new InvalidOperationException($"world '{Key}' has finished scenario '{run.Scenario.Id}': its last advance was {state.State.Advances - 1}");
            }
            // The call's advances share one page: it ends at the first that writes a checkpoint, whose page holds them all.
            // Its events are that page's (or the unwritten page's) from the call's first on, answered from the page
            // itself rather than gathered a second time.
            var first = _unwritten?.Events.Count ?? 0;
            var count = 0;
            ImmutableArray<TimelineEvent> page;
            bool checkpoint;
            do
            {
                (var added, page, checkpoint) = await AdvanceOnceAsync(run, step, first, cancellation);
                count += added.Length;
            }
            while (!checkpoint && state.State.Advances - step < most && count < IWorldGrain.TimelineMost);
            var events = count == 0 ? []
                : checkpoint ? (first == 0 && count == page.Length ? page : ImmutableArray.Create(page, first, count))
                : Range(_unwritten!.Events, first, count);
            return new Advance(events, run.Finished, run.Failures, state.State.Advances - step);
        }
        catch (Exception fault)
        {
            // Storage holds the world as it was at its last checkpoint. Memory goes back to it by ending this
            // activation (the next one reads storage) rather than by patching; the grains the attempt
            // changed drop their changes too, and a retry starts each of them from its checkpoint anyway.
            DeactivateOnIdle();
            _copy = null;
            _runner = null;
            _tables = NoTables;
            _asSeeded = null;
            ForgetHeldSeedings();
            if (_unwritten is { } unwritten)
            {
                _unwritten = null;
                try
                {
                    await unwritten.Access.AbandonAsync();
                }
                catch (Exception abandon)
                {
                    LogAbandonFailed(logger, Key, step, abandon);
                }
            }
            LogAdvanceFailed(logger, Key, step, fault);
            throw;
        }
    }

    /// <summary>
    /// Runs the next advance, as part of the call that began at advance <paramref name="from"/> with its first event at
    /// index <paramref name="first"/> of the unwritten page, and returns its events, the page it wrote at a checkpoint
    /// (every event since the last one; empty when none) and whether it wrote a checkpoint (the run's last advance always
    /// does); at a checkpoint (every <see cref="WorldState.CheckpointEvery"/>-th advance, and the
    /// run's last; the run's last alone in a world kept in memory) writes the events of the advances since the last
    /// one as one timeline page, commits every grain they changed, then writes the world; either way it first checks, with no call, that no grain the attempt changed lost
    /// its changes to a deactivation (<see cref="GrainWorldAccess.EnsureNothingLost"/>).
    /// </summary>
    private async Task<(ImmutableArray<TimelineEvent> Events, ImmutableArray<TimelineEvent> Page, bool Checkpoint)> AdvanceOnceAsync(RunState run, int from, int first, CancellationToken cancellation)
    {
        var step = state.State.Advances;
        if (_unwritten is { } unwritten)
            unwritten.Access.Continue(step, cancellation);
        else
        {
            // The run of a world kept in memory is one attempt, from its first advance: until the attempt changes one,
            // each country and topic holds what this activation seeded it with.
            var seeded = step == 0 && _checkpointed == 0 ? _asSeeded : null;
            _unwritten = unwritten = new Unwritten(
                new GrainWorldAccess(GrainFactory, World, new AdvanceAttempt(step, Guid.NewGuid()) { InMemory = _inMemory }, cancellation)
                {
                    CountryGrains = Country,
                    TopicGrains = Topic,
                    SeededCountry = seeded is null ? null : seeded.Country,
                    SeededTable = seeded is null ? null : seeded.Topic,
                }, run.Pages,
                ImmutableArray.CreateBuilder<TimelineEvent>(), seeded);
            unwritten.Access.Know(_tables);
        }
        var stepIndex = run.NextStep;
        IWorldAccess access = unwritten.Access;
        if (!run.Finished && run.Scenario.Steps[stepIndex] is RoundsStep or SmpTurnsStep)
        {
            _copy ??= await unwritten.Access.CopyAsync(run.ActorOrder, StepTopics(run.Scenario.Steps[stepIndex], run));
            _copy.BeginAdvance();
            access = _copy;
        }
        var events = await RunnerFor(access, run).AdvanceAsync(cancellation);
        cancellation.ThrowIfCancellationRequested();
        // An autonomous step that has ended hands its copy back: the steps after it reach the grains.
        var copy = _copy;
        var copyEnds = copy is not null && (run.Finished || run.NextStep != stepIndex);
        // A runner that no advance will use again holds no copy or run in memory.
        if (copyEnds || run.Finished)
            _runner = null;
        // The advances of one checkpoint share one page: the first of them with events opens it. The call this advance
        // ends so far is on that page from its first event on, if any of its advances has added one.
        if (!events.IsEmpty)
        {
            unwritten.Events.AddRange(events);
            run.Pages = unwritten.Page + 1;
        }
        var end = new AdvanceEnd(run.Finished, run.Failures, unwritten.Events.Count > first ? unwritten.Page : -1)
        {
            First = first,
            AdvancesLess1 = step - from,
        };
        // No answer may rest on changes a deactivation lost: checked before the advance is written or answered.
        unwritten.Access.EnsureNothingLost();
        var checkpoint = run.Finished || (!_inMemory && step + 1 - _checkpointed >= state.State.CheckpointEvery);
        ImmutableArray<TimelineEvent> page = [];
        if (checkpoint)
        {
            if (unwritten.Events.Count > 0)
            {
                page = unwritten.Events.ToImmutable();
                if (_inMemory)
                    Keep(unwritten.Page, page);
                else
                    await Page(unwritten.Page).Write(page);
            }
            // The one checkpoint of a world kept in memory: its attempt began at the seeding, so what it changed is all
            // the run changed, and the commit answers how each grain it changed now reads, which Final reads back from here.
            if (unwritten.Seeded is { } seeded)
            {
                seeded.Read = await unwritten.Access.CommitAndReadAsync(copy);
                seeded.Changed = unwritten.Access.ChangedIds();
            }
            else
                await unwritten.Access.CommitAsync(copy);
            // A country or topic the run has called holds more than its seeding (its attempt's checkpoint, at least): seeded
            // again next time.
            foreach (var actor in unwritten.Access.CalledCountries())
                _countriesHolding.Remove(actor);
            foreach (var topic in unwritten.Access.CalledTopics())
                _topicsHolding.Remove(topic);
            if (copyEnds)
                _copy = null;
            state.State.Advances++;
            // The events stay on their page, the one place the timeline is kept; the world keeps where they are.
            state.State.LastEnd = end;
            state.State.Last = null;
            await state.WriteStateAsync();
            _checkpointed = state.State.Advances;
            _unwritten = null;
            // A world kept in memory has no attempt after its one checkpoint, the run's last advance.
            _tables = _inMemory ? NoTables : unwritten.Access.Tables();
        }
        else
        {
            if (copyEnds)
            {
                await unwritten.Access.HoldAsync(copy!);
                _copy = null;
            }
            state.State.Advances++;
            state.State.LastEnd = end;
            state.State.Last = null;
        }
        if (_watchers.Count > 0)
        {
            if (!events.IsEmpty)
                await _watchers.Notify(w => w.Wrote(events));
            if (run.Finished)
                await _watchers.Notify(w => w.Stopped(run.Events));
        }
        return (events, page, checkpoint);
    }

    // The runner of the last advance, with the access and run state it was made for: the advances that reach the world
    // through the same access (the attempt's grains, or the step's copy) and run the same run share it, and with it the
    // collections it fills anew for every advance and proposal, rather than each making its own. It keeps nothing from
    // one advance that the next reads.
    private (ScenarioRunner Runner, IWorldAccess Access, RunState Run)? _runner;

    /// <summary>The runner of an advance through <paramref name="access"/> of <paramref name="run"/>: the last advance's when it had the same two, else a new one.</summary>
    private ScenarioRunner RunnerFor(IWorldAccess access, RunState run)
    {
        if (_runner is { } kept && ReferenceEquals(kept.Access, access) && ReferenceEquals(kept.Run, run))
            return kept.Runner;
        // On the copy no country grain answers, so the world makes each answer's evaluation span, as a local run does.
        var runner = new ScenarioRunner(access, run, new TelemetryObserver(Key, logger, evaluationSpans: access is LocalWorld));
        _runner = (runner, access, run);
        return runner;
    }

    /// <summary><paramref name="count"/> events of <paramref name="events"/> from index <paramref name="first"/> on, copied once.</summary>
    private static ImmutableArray<TimelineEvent> Range(ImmutableArray<TimelineEvent>.Builder events, int first, int count)
    {
        var range = new TimelineEvent[count];
        events.CopyTo(first, range, 0, count);
        return ImmutableCollectionsMarshal.AsImmutableArray(range);
    }

    /// <summary>
    /// The topics an autonomous step reaches: a rounds step's own (every topic when it names none) and those of the open
    /// proposals its rounds renew, every topic for spatial-model turns.
    /// </summary>
    private static IReadOnlyCollection<string> StepTopics(Step step, RunState run) =>
        step is RoundsStep { Topics.IsDefaultOrEmpty: false } rounds
            ? [.. rounds.Topics.Concat(run.Open.SelectMany(o => o.Proposal.Terms).Select(t => t.Topic)).Distinct(StringComparer.Ordinal)]
            : run.TopicOrder;

    /// <summary>Keeps page <paramref name="n"/> of a world kept in memory in this activation, in place of its page grain.</summary>
    private void Keep(int n, ImmutableArray<TimelineEvent> events)
    {
        while (_pages.Count <= n)
            _pages.Add([]);
        _pages[n] = events;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "World {World}: advance {Step} failed and changed nothing; it may be run again")]
    private static partial void LogAdvanceFailed(ILogger logger, string world, int step, Exception fault);

    [LoggerMessage(Level = LogLevel.Warning, Message = "World {World}: after advance {Step} failed, a grain could not drop its changes in memory; a retry starts it from its checkpoint")]
    private static partial void LogAbandonFailed(ILogger logger, string world, int step, Exception fault);

    public Task<ImmutableArray<TimelineEvent>> Timeline(int after, int count, CancellationToken cancellation = default) =>
        state.State.Run is { } run ? ReadAfterAsync(run, after, count, cancellation) : Task.FromResult(ImmutableArray<TimelineEvent>.Empty);

    public async Task<World> Snapshot(CancellationToken cancellation = default)
    {
        var info = Current;
        cancellation.ThrowIfCancellationRequested();
        // As of the last checkpoint, which every grain can answer for whether or not it kept the changes since.
        var countries = await Task.WhenAll(info.Actors.Select(id => Country(id).AsOf(_checkpointed, cancellation)));
        cancellation.ThrowIfCancellationRequested();
        var tables = await Task.WhenAll(info.Topics.Select(id => Topic(id).AsOf(_checkpointed, cancellation)));
        return Assemble(info, countries, tables);
    }

    /// <summary>
    /// The world made of what its countries and topics answered, in the order <paramref name="info"/> gives them:
    /// <paramref name="countries"/> in the order of <see cref="WorldInfo.Actors"/>, each holding its own positions, and
    /// <paramref name="tables"/> in the order of <see cref="WorldInfo.Topics"/>, as every caller asks for them.
    /// </summary>
    private static World Assemble(WorldInfo info, CountrySnapshot[] countries, TopicTable[] tables)
    {
        var agreements = tables
            .SelectMany(t => t.Agreements)
            .DistinctBy(a => a.Id)
            .ToImmutableArray();
        // The positions by topic, in the world's order of topics, and within a topic by actor: the countries come in the
        // world's order of actors, so a count of each topic's positions places each one where it belongs, in one pass.
        var topicOrder = new Dictionary<string, int>(info.Topics.Length, StringComparer.Ordinal);
        for (var i = 0; i < info.Topics.Length; i++)
            topicOrder.Add(info.Topics[i], i);
        var next = new int[info.Topics.Length + 1];
        foreach (var country in countries)
        {
            foreach (var position in country.Positions)
                next[topicOrder[position.Topic] + 1]++;
        }
        for (var i = 1; i < next.Length; i++)
            next[i] += next[i - 1];
        var positions = new Position[next[^1]];
        foreach (var country in countries)
        {
            foreach (var position in country.Positions)
                positions[next[topicOrder[position.Topic]]++] = position;
        }
        return info.With([.. countries.Select(c => c.Actor)], [.. tables.Select(t => t.Topic)], ImmutableCollectionsMarshal.AsImmutableArray(positions), agreements);
    }

    public async Task<World> Final(CancellationToken cancellation = default)
    {
        if (_final is { } final)
            return final;
        var info = Current;
        cancellation.ThrowIfCancellationRequested();
        // One call per country and topic, each answering as of the last checkpoint (as Snapshot's AsOf) and then
        // retiring; the pages, which nobody reads again, are retired beside them. A world kept in memory whose run has
        // ended calls none of its grains: those its run changed answered how they read as its one checkpoint committed
        // them (SeededGrains.Read), and every other holds what it was seeded with, which the world made beside it as it
        // seeded (AsSeeded); each keeps what it holds until the next seeding replaces it or Retire clears it. A changed
        // grain whose commit gave no state is asked, as a durable world's are.
        var seeded = _asSeeded;
        var countries = new CountrySnapshot[info.Actors.Length];
        var tables = new TopicTable[info.Topics.Length];
        var asked = new List<Task> { RetirePagesAsync() };
        for (var i = 0; i < countries.Length; i++)
        {
            if (seeded?.CountryAsRead(info.Actors[i], i) is { } country)
                countries[i] = country;
            else
                asked.Add(FillAsync(countries, i, FinalOfCountry(info.Actors[i])));
        }
        for (var i = 0; i < tables.Length; i++)
        {
            if (seeded?.TableAsRead(info.Topics[i], i) is { } table)
                tables[i] = table;
            else
                asked.Add(FillAsync(tables, i, FinalOfTopic(info.Topics[i])));
        }
        await Task.WhenAll(asked);
        _final = Assemble(info, countries, tables);
        _asSeeded = null;
        // Every grain Final called is now empty but active, this one too, and every other holds what it answered for: the
        // next Seed replaces what each holds in the same activations, as a fresh world would seed new ones.
        await state.ClearStateAsync();
        _checkpointed = 0;
        _unwritten = null;
        _tables = NoTables;
        _seeded = null;
        _pages.Clear();
        _pageEnds.Clear();
        return _final;
    }

    /// <summary>Puts what <paramref name="read"/> answers at index <paramref name="i"/> of <paramref name="into"/>.</summary>
    private static async Task FillAsync<T>(T[] into, int i, Task<T> read) => into[i] = await read;

    // A country or topic read back by Final holds nothing afterwards.
    private Task<CountrySnapshot> FinalOfCountry(string actor)
    {
        _countriesHolding.Remove(actor);
        return Country(actor).Final(_checkpointed);
    }

    private Task<TopicTable> FinalOfTopic(string topic)
    {
        _topicsHolding.Remove(topic);
        return Topic(topic).Final(_checkpointed);
    }

    public Task<CountrySeeding?> CountrySeeding(string actor) => Task.FromResult(_asSeeded?.CountrySeeding(actor));

    public Task<TopicSeeding?> TopicSeeding(string topic) => Task.FromResult(_asSeeded?.TopicSeeding(topic));

    public async Task<SampleEnd> RunSample(World world, Scenario scenario, CancellationToken cancellation = default)
    {
        // Asked again with the sample it answered last (its answer lost to a timeout), while the world is where that answer
        // left it: the same answer, with no call. A study's samples differ in their scenario's seed, so the whole
        // comparison runs only for a sample asked again.
        if (_sample is { } kept && StillAnswers(kept.End) && kept.Scenario.Seed == scenario.Seed
            && SameScenario(kept.Scenario, scenario) && SameWorld(kept.World, world))
            return kept.End;
        // The seeding span holds the country and topic grains' seeding calls, as a run's client span does.
        using (SummitsTelemetry.StartSpan(SummitsTelemetry.SeedSpan, Key))
        {
            await Seed(world, cancellation);
            // Seeding decides where the grains keep their state: the run's calls need no mark, and carry none.
            InMemoryWorlds.EndInThisCall();
            await Start(scenario, cancellation);
        }
        var first = await Advance(0, CheckpointOptions.Most, cancellation);
        var end = new SampleEnd(first, first.Finished ? await Final(cancellation) : null);
        _sample = (world, scenario, end);
        return end;
    }

    // The sample RunSample answered last, with the world and scenario it was asked for; null once the world is seeded again.
    private (World World, Scenario Scenario, SampleEnd End)? _sample;

    /// <summary>
    /// Whether the world is still where the sample's answer <paramref name="end"/> left it: read back and holding nothing
    /// since (no seeding has cleared <see cref="_sample"/>), or, for a sample that did not end in the call, no further on.
    /// </summary>
    private bool StillAnswers(SampleEnd end) =>
        end.Final is not null ? _final is not null : state.State.Run is not null && state.State.Advances == end.First.Advances;

    private bool SameScenario(Scenario kept, Scenario scenario) =>
        ReferenceEquals(kept, scenario) || serializer.SerializeToArray(kept).AsSpan().SequenceEqual(serializer.SerializeToArray(scenario));

    public async Task Retire()
    {
        _sample = null;
        ForgetHeldSeedings();
        // The countries and topics of the world storage holds, and every one this activation has called: a grain Final
        // cleared only deactivates, one that holds its seeding or a sample's committed state is cleared first, and a grain
        // seeded for an earlier run of this activation goes too.
        var info = state.State.Info;
        var countries = _countryGrains.Keys.Union(info?.Actors ?? [], StringComparer.Ordinal).ToArray();
        var topics = _topicGrains.Keys.Union(info?.Topics ?? [], StringComparer.Ordinal).ToArray();
        await Task.WhenAll(countries.Select(id => Country(id).Retire())
            .Concat(topics.Select(id => Topic(id).Retire()))
            .Append(RetirePagesAsync(pastCheckpoint: true)));
        await _watchers.Notify(w => w.Stopped(null));
        _watchers.Clear();
        // Final cleared the world's state already.
        if (_final is null)
            await state.ClearStateAsync();
        this.DeactivateOnIdle();
    }

    public async Task Drive()
    {
        if (state.State.Run is null)
            throw new InvalidOperationException($"world '{Key}' has no scenario running");
        if (state.State.Run.Finished)
            return;
        var period = drive.Value.Period;
        await this.RegisterOrUpdateReminder(IWorldGrain.DriveReminder, period, period);
        KeepDriving();
    }

    public async Task StopDriving()
    {
        _drive?.Dispose();
        _drive = null;
        await ForgetReminderAsync();
    }

    public Task<WorldProgress> Progress()
    {
        var run = state.State.Run ?? throw new InvalidOperationException($"world '{Key}' has no scenario running");
        return Task.FromResult(new WorldProgress(run.Scenario, state.State.Advances, Math.Min(run.NextStep, run.Scenario.Steps.Length),
            run.Finished, run.Failures, run.Start.ToImmutableDictionary(StringComparer.Ordinal), run.Events));
    }

    /// <summary>The reminder of a driven run: the run goes on in this activation (a new one, when its silo died) unless it has ended.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != IWorldGrain.DriveReminder)
            return;
        if (state.State.Run is not { Finished: false })
            await ForgetReminderAsync();
        else
            KeepDriving();
    }

    /// <summary>
    /// Starts this activation's drive timer unless it runs already; each tick runs one advance and arms the timer again
    /// after <see cref="DriveOptions.Pause"/>, so calls interleave between advances.
    /// </summary>
    private void KeepDriving() =>
        _drive ??= this.RegisterGrainTimer(DriveOnceAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });

    private async Task DriveOnceAsync(CancellationToken cancellation)
    {
        if (state.State.Run is not { } run || run.Finished)
        {
            await StopDriving();
            return;
        }
        var advance = state.State.Advances;
        var step = Math.Min(run.NextStep, run.Scenario.Steps.Length - 1) + 1;
        try
        {
            await Advance(advance, cancellation);
        }
        catch (Exception fault)
        {
            // The advance changed nothing and this activation ends; the reminder brings the run back in a new one,
            // unless the registry says every try of this advance has failed.
            _drive?.Dispose();
            _drive = null;
            var reason = $"{fault.Message.ReplaceLineEndings(" ")} ({fault.GetType().FullName})";
            if (await GrainFactory.GetGrain<IWorldRegistryGrain>(IWorldRegistryGrain.Key).Failed(Key, advance, step, reason))
            {
                await ForgetReminderAsync();
                await _watchers.Notify(w => w.Stopped(null));
            }
            return;
        }
        if (run.Finished)
            await StopDriving();
        else
            _drive?.Change(drive.Value.Pause, Timeout.InfiniteTimeSpan);
    }

    private async Task ForgetReminderAsync()
    {
        if (await this.GetReminder(IWorldGrain.DriveReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    /// <summary>
    /// Retires every timeline page the run wrote: none in a world kept in memory, whose events stay in the world grain.
    /// With <paramref name="pastCheckpoint"/>, the page after them too: an advance that wrote its page and then failed
    /// (a commit or the world's own write) left that page in storage past the world's last checkpoint, until the
    /// advance runs again; a world retired before that would leave it behind. A finished run's last advance succeeded,
    /// so <see cref="Final"/> has no such page to retire.
    /// </summary>
    private Task RetirePagesAsync(bool pastCheckpoint = false) =>
        Task.WhenAll(Enumerable.Range(0, _inMemory || state.State.Run is not { } run ? 0 : run.Pages + (pastCheckpoint ? 1 : 0)).Select(n => Page(n).Retire()));

    public async Task<WorldWatch> Watch(IWorldWatcher watcher, int after, int count)
    {
        var run = state.State.Run ?? throw new InvalidOperationException($"world '{Key}' has no scenario running");
        // Subscribed and read in one turn (the drive timer does not interleave): the next event pushed is the one after
        // Written. A watcher that has seen every event needs no page read.
        var events = await ReadAfterAsync(run, after, count, CancellationToken.None);
        if (!run.Finished)
            _watchers.Subscribe(watcher, watcher);
        return new WorldWatch(events, run.Finished ? run.Events : null, run.Events);
    }

    public Task Unwatch(IWorldWatcher watcher)
    {
        _watchers.Unsubscribe(watcher);
        return Task.CompletedTask;
    }

    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.Endpoint.ToString());

    // When a caller last seeded, started or advanced the world in this activation (Environment.TickCount64, ms), as its
    // call began and as it ended; null when none has. An attached client drives its run so (SinceDriven).
    private long? _drivenAt;

    public Task<TimeSpan?> SinceDriven() =>
        Task.FromResult(_drivenAt is { } at ? TimeSpan.FromMilliseconds(Environment.TickCount64 - at) : (TimeSpan?)null);

    /// <summary>
    /// Every call to this grain: a seed, start, advance or sample asked by a caller (not the drive timer's own advances, which
    /// call the method directly) is noted as it begins and as it ends, so that <see cref="SinceDriven"/> counts from the
    /// end of the last one however long it took.
    /// </summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var drives = context.InterfaceMethod?.Name is nameof(Seed) or nameof(Start) or nameof(Advance) or nameof(RunSample);
        if (drives)
            _drivenAt = Environment.TickCount64;
        try
        {
            await context.Invoke();
        }
        finally
        {
            if (drives)
                _drivenAt = Environment.TickCount64;
        }
    }

    private WorldInfo Current => state.State.Info
        ?? throw new InvalidOperationException($"world '{Key}' has not been seeded");

    private ICountryGrain Country(string actor) =>
        _countryGrains.TryGetValue(actor, out var grain) ? grain : _countryGrains[actor] = GrainFactory.GetGrain<ICountryGrain>(World.Country(actor));

    private ITimelinePageGrain Page(int n) => GrainFactory.GetGrain<ITimelinePageGrain>(World.TimelinePage(n));

    private ITopicGrain Topic(string topic) =>
        _topicGrains.TryGetValue(topic, out var grain) ? grain : _topicGrains[topic] = GrainFactory.GetGrain<ITopicGrain>(World.Topic(topic));
}

using System.Collections.Immutable;
using Orleans.Concurrency;
using Summits.Model;

namespace Summits.Grains;

/// <summary>A world, keyed by its id: it owns the world's metadata, its random generator and its timeline, and runs scenarios server-side.</summary>
[Alias("summits.world-grain")]
public interface IWorldGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the world's country and topic grains from a loaded world file. Asked again with the same world
    /// (a caller that lost the answer) before a scenario starts, it changes nothing and succeeds. A world read back by
    /// <see cref="Final"/> holds nothing and is seeded anew, in the same activations (a study's next sample); a world kept
    /// in memory leaves out a country or topic that holds that very seeding already, untouched since this activation last
    /// seeded it (<see cref="CountrySeeding"/>, <see cref="TopicSeeding"/>).
    /// </summary>
    /// <exception cref="ArgumentException">When the world's id is not this grain's key.</exception>
    /// <exception cref="InvalidOperationException">When the grain holds another world of that id, or a scenario has started on it.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires before the world is written; the world stays unseeded and may be seeded again.</exception>
    [Alias("Seed")]
    Task Seed(World world, CancellationToken cancellation = default);

    [Alias("Info")]
    Task<WorldInfo> Info();

    /// <summary>The whole world as its grains hold it now, read back from each of them.</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires before the grains have answered.</exception>
    /// <exception cref="InvalidOperationException">
    /// When the world is not seeded, or is kept in memory (<c>InMemoryWorlds</c>) and has run its first advance but not its
    /// last: such a world keeps no state from before its run's one attempt, and is read back after its last advance.
    /// </exception>
    [Alias("Snapshot")]
    Task<World> Snapshot(CancellationToken cancellation = default);

    /// <summary>
    /// Begins a scenario on this seeded world. Asked again with the same scenario before its first advance
    /// (a caller that lost the answer), it changes nothing and succeeds.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the world is not seeded, or runs another scenario or has advanced.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires before the run is written; nothing changes.</exception>
    [Alias("Start")]
    Task Start(Scenario scenario, CancellationToken cancellation = default);

    /// <summary>
    /// Begins a scenario as <see cref="Start(Scenario, CancellationToken)"/> does, its run written every
    /// <paramref name="checkpointEvery"/>-th advance and at its last (1 to 1000) whatever the silo's
    /// <c>Summits:CheckpointEvery</c> says: a caller that knows how much a lost run may cost to run again chooses it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="checkpointEvery"/> is below 1 or above 1000.</exception>
    /// <exception cref="InvalidOperationException">When the world is not seeded, or runs another scenario or has advanced.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires before the run is written; nothing changes.</exception>
    [Alias("StartCheckpointed")]
    Task Start(Scenario scenario, int checkpointEvery, CancellationToken cancellation = default);

    /// <summary>How many advances of the run have completed: the number the next <see cref="Advance(int, int, CancellationToken)"/> names.</summary>
    [Alias("Advances")]
    Task<int> Advances();

    /// <summary>
    /// Runs advance number <paramref name="step"/> (0 for the first): the scenario's next step, or next
    /// autonomous round, and returns the events it added (<see cref="Grains.Advance.Advances"/> 1). It is
    /// <see cref="Advance(int, int, CancellationToken)"/> with a most of 1: asked again for the same step after it
    /// completed, it returns that advance's answer again and runs nothing, so a caller that lost an answer (a timeout)
    /// may ask again. An advance that fails changes nothing and may be asked for again.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="step"/> is neither the next advance nor the first of the last call's.</exception>
    /// <exception cref="InvalidOperationException">When no scenario runs, or the scenario has finished (asked for the next advance after the one that finished it).</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires before the advance is written; nothing changes.</exception>
    [Alias("Advance")]
    Task<Advance> Advance(int step, CancellationToken cancellation = default);

    /// <summary>
    /// Runs advances from number <paramref name="step"/> (0 for the first) on, in one call: <paramref name="step"/>, then
    /// the next ones while the run has not finished, up to <paramref name="most"/> advances in all. The call ends early at
    /// the first advance that writes a checkpoint (every <c>CheckpointEvery</c>-th advance and the run's last; the last
    /// alone in a world kept in memory), and at the first whose events bring the call's to <see cref="TimelineMost"/> or
    /// more, so that all its events lie on one timeline page and the answer stays near a page's size. Returns the events
    /// of its advances, in order, and how many it ran (<see cref="Grains.Advance.Advances"/>, 1 to
    /// <paramref name="most"/>): the caller's next call names <c>step + Advances</c>.
    /// Asked again for the same <paramref name="step"/> after it completed (a caller that lost the answer), whatever
    /// <paramref name="most"/> it names then, it returns that call's answer again and runs nothing. A world that went
    /// back to its last checkpoint (its activation lost between two) runs the advances a caller ahead of it saw again,
    /// the same way, before <paramref name="step"/>. An advance that fails fails the call and changes nothing past the
    /// last checkpoint: the call may be asked for again.
    /// </summary>
    /// <param name="step">The first advance to run: the next (<see cref="Advances"/>), or the first of the last call's to be answered again.</param>
    /// <param name="most">How many advances the call may run: 1 or more.</param>
    /// <param name="cancellation">Stops the call before the advance in progress is written: the call then fails as a failed advance does.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="most"/> is below 1, or <paramref name="step"/> is neither the next advance nor the first of the last call's.</exception>
    /// <exception cref="InvalidOperationException">When no scenario runs, or the scenario has finished (asked for the next advance after the one that finished it).</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires before the advance in progress is written; nothing past the last checkpoint changes.</exception>
    [Alias("AdvanceUpTo")]
    Task<Advance> Advance(int step, int most, CancellationToken cancellation = default);

    /// <summary>
    /// Up to <paramref name="count"/> events of the run's timeline, in order: those numbered after <paramref name="after"/>
    /// (0 for the run's first event on), read from its timeline pages (the world grain keeps none of them in memory
    /// beyond the advances since its last checkpoint). Never more than <see cref="TimelineMost"/> however many are asked
    /// for, so that no answer grows with the timeline; empty when no event follows <paramref name="after"/>, or no run has
    /// started. A caller reads the whole timeline by asking again after the last event it got
    /// (<see cref="WorldTimeline.PagesAsync"/>).
    /// </summary>
    /// <param name="after">The number of the last event the caller has (0 or more).</param>
    /// <param name="count">How many events at most: 1 or more.</param>
    /// <param name="cancellation">Stops the wait for the pages: a long run has one page per checkpoint.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="after"/> is negative or <paramref name="count"/> below 1.</exception>
    [Alias("TimelineAfter")]
    Task<ImmutableArray<TimelineEvent>> Timeline(int after, int count, CancellationToken cancellation = default);

    /// <summary>
    /// The most events one answer of <see cref="Timeline"/> or <see cref="Watch"/> holds: 10,000, about 1 MB as Orleans
    /// sends them (a run of 1.43 million events came to 147 MB, 103 bytes an event), far under the 100 MB Orleans
    /// accepts in one message (<c>MaxMessageBodySize</c>) even for events with long reasons.
    /// </summary>
    public const int TimelineMost = 10_000;

    /// <summary>
    /// The whole world as its grains hold it now (as <see cref="Snapshot"/>), read back in the one call to each country
    /// and topic that also clears it, and then this grain's own state cleared and the timeline pages retired: a finished
    /// sample's read. A world kept in memory whose run this activation seeded and ended calls none of its grains: it
    /// answers for each the run changed with what that grain's commit at the run's one checkpoint answered, and for every
    /// other with what it seeded it with; each grain keeps what it holds. The grains stay active, so that a study seeds
    /// them again for its next sample (<see cref="Seed"/> in the same activations, leaving out a grain that holds that
    /// very seeding); asked again before that, it answers the same world from this activation. <see cref="Retire"/>
    /// deactivates them.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the world is not seeded, or a grain it calls was retired already.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> has fired before the read begins; once begun it finishes.</exception>
    [Alias("Final")]
    Task<World> Final(CancellationToken cancellation = default);

    /// <summary>
    /// Forgets the world: its grains (those of the world it holds, and every one this activation has called) clear their
    /// stored state, unless <see cref="Final"/> has cleared it, and deactivate, so that a finished study holds no memory.
    /// </summary>
    [Alias("Retire")]
    Task Retire();

    /// <summary>
    /// A study's sample in one call: seeds the world with <paramref name="world"/> as <see cref="Seed"/> does, starts
    /// <paramref name="scenario"/> as <see cref="Start(Scenario, CancellationToken)"/> does, runs its advances as one call
    /// of <see cref="Advance(int, int, CancellationToken)"/> from advance 0 would (up to 1000, ending sooner once their
    /// events reach <see cref="TimelineMost"/>), and, when that finishes the run, reads the world back as
    /// <see cref="Final"/> does, leaving its grains active for the lane's next sample (<see cref="SampleEnd"/>).
    /// A longer run is the caller's to go on with, call by call, and then to read back. Only the seeding carries the
    /// caller's request context (the <c>InMemoryWorlds</c> mark) on to the countries and topics; the run's calls and the
    /// read-back carry none of it. Asked again with the same world and scenario once answered (its answer lost), it
    /// answers the same, with no call to the world's grains, while the activation that answered lives and the world is
    /// where the answer left it (read back, or, for a longer run, no further on).
    /// </summary>
    /// <exception cref="ArgumentException">When the world's id is not this grain's key.</exception>
    /// <exception cref="InvalidOperationException">
    /// When the grain holds another world of that id or a run already (as <see cref="Seed"/> says). An advance that fails
    /// (a country or topic of the world lost part way through after the run had changed it) fails the call with its own
    /// exception, as <see cref="Advance(int, int, CancellationToken)"/> does; a country or topic lost that the run had not
    /// changed takes its seeding from the world (<see cref="CountrySeeding"/>, <see cref="TopicSeeding"/>) and the run goes on.
    /// </exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires before the advances end.</exception>
    [Alias("RunSample")]
    Task<SampleEnd> RunSample(World world, Scenario scenario, CancellationToken cancellation = default);

    /// <summary>
    /// The silo this world's grain is active on, as the address and port it listens on for other silos
    /// (<c>10.0.0.11:11111</c>, an IPv6 address in brackets): how a study on a cluster learns where its samples ran.
    /// </summary>
    [Alias("Silo")]
    Task<string> Silo();

    /// <summary>
    /// What topic <paramref name="topic"/> of this world was seeded with, for a world kept in memory (a study's sample)
    /// between its seeding and its read-back: asked by the topic's grain when a call of the world's run finds it holding
    /// no seeding (its activation was lost since, and the world left it unseeded because it held that very seeding from
    /// the lane's last sample). Served while the world's own call is awaiting that topic's answer, interleaved with it
    /// (<c>[AlwaysInterleave]</c>); it reads the world's seeding and changes nothing.
    /// </summary>
    /// <returns>The seeding; null for a durable world, for one that holds no seeding in this activation, and for a topic the world does not have.</returns>
    [AlwaysInterleave, Alias("TopicSeeding")]
    Task<TopicSeeding?> TopicSeeding(string topic);

    /// <summary>
    /// What country <paramref name="actor"/> of this world was seeded with, for a world kept in memory between its seeding
    /// and its read-back, as <see cref="TopicSeeding"/> gives a topic's: asked by the country's grain when a call of the
    /// world's run finds it holding no seeding (the world left it unseeded because it held that very seeding from the
    /// lane's last sample, and its activation was lost since). Served interleaved with the world's own call; it changes nothing.
    /// </summary>
    /// <returns>The seeding; null for a durable world, for one that holds no seeding in this activation, and for an actor the world does not have.</returns>
    [AlwaysInterleave, Alias("CountrySeeding")]
    Task<CountrySeeding?> CountrySeeding(string actor);

    /// <summary>
    /// How long ago a caller (an attached client, <c>summits run --cluster</c> without <c>--detach</c>) last seeded,
    /// started or advanced the world in this activation, counted from the end of that call; null when none has since the
    /// world was activated on its silo (a world whose client is gone and whose activation ended, or one driven by its own
    /// reminder alone). A client that drives its run asks for the next advance as soon as it has printed the last one's
    /// events, so a long quiet says it no longer drives it.
    /// </summary>
    [Alias("SinceDriven")]
    Task<TimeSpan?> SinceDriven();
    /// <summary>
    /// Has the world drive its started run to its end itself, advance after advance, kept alive by an Orleans reminder
    /// (<see cref="DriveReminder"/>) so that a silo that dies with it leaves the run to be resumed on another, from its last
    /// checkpoint; the reminder is removed when the run finishes, fails every try of an advance, or is stopped
    /// (<see cref="StopDriving"/>). Needs a silo with a reminder service (a cluster's). Asked again, it changes nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">When no scenario has started on the world.</exception>
    [Alias("Drive")]
    Task Drive();

    /// <summary>Stops a run driven by <see cref="Drive"/> after the advance in progress, and removes its reminder.</summary>
    [Alias("StopDriving")]
    Task StopDriving();

    /// <summary>How far the world's run has gone at the moment it is asked: as of the advance it completed last.</summary>
    /// <exception cref="InvalidOperationException">When no scenario has started on the world.</exception>
    [Alias("Progress")]
    Task<WorldProgress> Progress();

    /// <summary>
    /// Subscribes <paramref name="watcher"/> to the run's events (<see cref="IWorldWatcher"/>), or renews its subscription,
    /// and answers up to <paramref name="count"/> of the events numbered after <paramref name="after"/> (0 for all of them)
    /// as the timeline holds them now, as <see cref="Timeline"/> answers them (never more than <see cref="TimelineMost"/>),
    /// with the number of events the run has written, so that a watcher reads the rest by <see cref="Timeline"/>.
    /// The subscription lapses <see cref="WatchExpiry"/> after it was last renewed, and with the world's activation: a
    /// watcher calls again every <see cref="WatchRenewal"/>, which also reaches the world's new activation after its silo
    /// died. A finished run subscribes no one.
    /// </summary>
    /// <exception cref="InvalidOperationException">When no scenario has started on the world.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="after"/> is negative or <paramref name="count"/> below 1.</exception>
    [Alias("WatchAfter")]
    Task<WorldWatch> Watch(IWorldWatcher watcher, int after, int count);

    /// <summary>Ends <paramref name="watcher"/>'s subscription, if it has one.</summary>
    [Alias("Unwatch")]
    Task Unwatch(IWorldWatcher watcher);

    /// <summary>How long a watcher's subscription lasts unless renewed: 1 minute.</summary>
    public static readonly TimeSpan WatchExpiry = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often a watcher renews its subscription: 10 seconds, well inside <see cref="WatchExpiry"/>, and short beside
    /// the minute the reminder of a run whose silo died may take to resume it elsewhere.
    /// </summary>
    public static readonly TimeSpan WatchRenewal = TimeSpan.FromSeconds(10);

    /// <summary>The name of the reminder that keeps a driven run alive: <c>drive</c>.</summary>
    public const string DriveReminder = "drive";
}

using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>A topic's table in one world, keyed <c>{world}/{topic}</c>: it owns the agreements on the topic and their status.</summary>
/// <remarks>
/// Calls of an advance carry its <see cref="AdvanceAttempt"/>, and every method but Commit, Abandon and Retire
/// the caller's cancellation token, as a country's do (see <see cref="ICountryGrain"/>). A call of an advance that finds
/// the topic holding no seeding asks its world for it (<see cref="IWorldGrain.TopicSeeding"/>) and goes on with it; it
/// fails with <see cref="InvalidOperationException"/> ("has not been seeded") when the world has none to give.
/// </remarks>
[Alias("summits.topic-grain")]
public interface ITopicGrain : IGrainWithStringKey, IHeldStateGrain<Table>
{
    /// <summary>Makes the table of <paramref name="topic"/>, replacing whatever the grain held (see <see cref="ICountryGrain.Seed"/>).</summary>
    [Alias("Seed")]
    Task Seed(Topic topic, ImmutableArray<string> participants, ImmutableArray<Agreement> agreements, CancellationToken cancellation = default);

    /// <summary>
    /// The table as the grain holds it in memory now, the changes of an advance not yet completed included: for
    /// checking that memory equals storage. A reader of the world uses <see cref="AsOf"/>, which sees the world's
    /// last completed advance.
    /// </summary>
    [Alias("Get")]
    Task<TopicTable> Get(CancellationToken cancellation = default);

    /// <summary>
    /// The table as of the world's last completed advance, <paramref name="advances"/> being how many the world
    /// has completed: what a read outside an advance sees, even after an advance that failed once this topic
    /// had written its part (see <see cref="ICountryGrain.AsOf"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// When the topic is kept in memory alone (a world kept in memory, which keeps no state from before its run's one attempt)
    /// and its world has completed no more advances than that attempt began at: it is read back after its run's last advance.
    /// </exception>
    [Alias("AsOf")]
    Task<TopicTable> AsOf(int advances, CancellationToken cancellation = default);

    /// <summary>The table as the advance in progress sees it, with whether the attempt has changed the topic (<see cref="During{T}"/>).</summary>
    [Alias("GetDuring")]
    Task<During<TopicTable>> GetDuring(AdvanceAttempt attempt, CancellationToken cancellation = default);

    /// <summary>
    /// Records a new agreement; false when one with its id is recorded already; with whether the attempt has changed
    /// the topic and the table after the call.
    /// </summary>
    [Alias("Record")]
    Task<TableAnswer<bool>> Record(Agreement agreement, AdvanceAttempt attempt, CancellationToken cancellation = default);

    /// <summary>
    /// Applies status changes and returns those applied, with whether the attempt has changed the topic and the table
    /// after the call; the same <paramref name="command"/> id again in the same advance returns the first answer and
    /// changes nothing.
    /// </summary>
    [Alias("Apply")]
    Task<TableAnswer<ImmutableArray<CommitmentChange>>> Apply(string command, ImmutableArray<CommitmentChange> changes, AdvanceAttempt attempt, CancellationToken cancellation = default);

    /// <summary>
    /// <see cref="Record"/> then <see cref="Apply"/> in one call: records a new agreement (once, by its id) and applies
    /// the status changes it makes to older agreements on this topic (once in the advance, by <paramref name="command"/>;
    /// none when <paramref name="changes"/> is empty), returning those applied, with whether the attempt has changed the
    /// topic and the table after the call. An agreement made costs its topic this one call, where the two cost two.
    /// </summary>
    [Alias("RecordApplying")]
    Task<TableAnswer<ImmutableArray<CommitmentChange>>> RecordApplying(Agreement agreement, string command, ImmutableArray<CommitmentChange> changes, AdvanceAttempt attempt, CancellationToken cancellation = default);

    /// <summary>
    /// Adds <paramref name="actor"/> to the table's participants (once, however often asked), answering whether it
    /// joined now (false when it was a participant already) with the table after it.
    /// </summary>
    [Alias("Join")]
    Task<TableAnswer<bool>> Join(string actor, AdvanceAttempt attempt, CancellationToken cancellation = default);

    /// <summary>Writes what the attempt changed, or fails if this activation did not serve all <paramref name="calls"/> (see <see cref="ICountryGrain.Commit"/>).</summary>
    [Alias("Commit")]
    Task Commit(AdvanceAttempt attempt, int calls);

    /// <summary>Drops what a failed attempt changed in memory (see <see cref="ICountryGrain.Abandon"/>).</summary>
    [Alias("Abandon")]
    Task Abandon(AdvanceAttempt attempt);

    /// <summary>
    /// The table as of the world's last completed advance (as <see cref="AsOf"/>), and then cleared but left active, in
    /// one call (see <see cref="ICountryGrain.Final"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">When the topic has not been seeded (or was retired already), or as <see cref="AsOf"/> says; nothing is cleared.</exception>
    [Alias("Final")]
    Task<TopicTable> Final(int advances);

    /// <summary>Clears this table's stored state and deactivates it.</summary>
    [Alias("Retire")]
    Task Retire();
}

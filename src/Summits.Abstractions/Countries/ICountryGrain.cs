using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>A country in one world, keyed <c>{world}/{actor}</c>: it owns its positions and decides its answers.</summary>
/// <remarks>
/// Every call of an advance carries the <see cref="AdvanceAttempt"/>: Evaluate, Propose and Shock change the
/// country in memory, and <see cref="Commit"/> writes it. The world grain commits every grain the advance
/// changed before it writes its own state (the calls that may leave a country unchanged, <see cref="PositionOn"/> and
/// <see cref="ActorDuring"/>, answer whether the attempt changed it: <see cref="During{T}"/>); an advance cut short by a fault is run again from its start,
/// and the country goes back to the state it kept from before that advance (<c>CheckpointedState&lt;T&gt;</c>).
/// Every method but Commit, Abandon and Retire takes the caller's cancellation token (an advance passes its
/// own): a call whose token is cancelled stops with <see cref="OperationCanceledException"/> before it changes
/// anything. Commit and Abandon take none, since once an advance begins them they must finish.
/// </remarks>
[Alias("summits.country-grain")]
public interface ICountryGrain : IGrainWithStringKey, IHeldStateGrain<Delegation>
{
    /// <summary>
    /// Makes the country <paramref name="actor"/> with <paramref name="positions"/>, replacing whatever the grain held: a
    /// grain read back by <see cref="Final"/> is seeded again so for a study's next sample, in the same activation.
    /// </summary>
    [Alias("Seed")]
    Task Seed(Actor actor, ImmutableArray<Position> positions, CancellationToken cancellation = default);

    /// <summary>
    /// The country as the grain holds it in memory now, the changes of an advance not yet completed included, but not a
    /// step's changes that its world keeps until the country's next call or checkpoint (<see cref="HandedBack{T}"/>): for
    /// checking that memory equals storage. A reader of the world uses <see cref="AsOf"/>, which sees the world's
    /// last completed advance.
    /// </summary>
    [Alias("Get")]
    Task<CountrySnapshot> Get(CancellationToken cancellation = default);

    /// <summary>
    /// The country as of the world's last completed advance, <paramref name="advances"/> being how many the world
    /// has completed (0 or more): what a read outside an advance sees. A country that wrote its part of an
    /// advance the world then failed to complete answers with its state from before that advance.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// When the country is kept in memory alone (a world kept in memory, which keeps no state from before its run's one attempt)
    /// and its world has completed no more advances than that attempt began at: it is read back after its run's last advance.
    /// </exception>
    [Alias("AsOf")]
    Task<CountrySnapshot> AsOf(int advances, CancellationToken cancellation = default);

    /// <summary>
    /// The country's position on a topic as the advance in progress sees it (null when it holds none), with whether
    /// the attempt has changed the country (<see cref="During{T}"/>).
    /// </summary>
    [Alias("PositionOn")]
    Task<During<Position?>> PositionOn(string topic, AdvanceAttempt attempt, CancellationToken cancellation = default);

    /// <summary>
    /// The country's actor (capability, affinities, strategy) as the advance in progress sees it, with whether the
    /// attempt has changed the country (<see cref="During{T}"/>). The country is
    /// the one owner of these values: the world reads them from here in each advance that needs them. A scripted
    /// proposal needs none: <see cref="Propose"/> and <see cref="Evaluate"/> answer with the capability it weighs.
    /// </summary>
    [Alias("ActorDuring")]
    Task<During<Actor>> ActorDuring(AdvanceAttempt attempt, CancellationToken cancellation = default);

    /// <summary>
    /// Answers a proposal and moves toward it; a proposal id delivered again in the same advance changes nothing. The
    /// answer says which activation gave it (<see cref="During{T}"/>; the country is changed). With
    /// <paramref name="handedBack"/>, the country first takes the delegation an autonomous step left, as
    /// <see cref="IHeldStateGrain{T}.Hold"/> would (a call that changes it, counted with this one).
    /// </summary>
    // A second alias for the call's second shape (the hand-back added): a silo that knows the first does not misread it.
    [Alias("Evaluate2")]
    Task<During<Evaluation>> Evaluate(Proposal proposal, ImmutableArray<Commitment> commitments, ScriptedAnswer? scripted, ImmutableArray<Exchange> exchanges, ModelParameters parameters, AdvanceAttempt attempt, HandedBack<Delegation>? handedBack = null, CancellationToken cancellation = default);

    /// <summary>
    /// Records a proposal this country makes, and answers with the changes and the country's capability (see
    /// <see cref="ICountryAccess.Propose"/>); the same proposal id again in the same advance returns the first changes.
    /// The answer says which activation gave it (<see cref="During{T}"/>). With <paramref name="handedBack"/>, the
    /// country first takes the delegation an autonomous step left, as <see cref="Evaluate"/> does.
    /// </summary>
    // A second alias for the call's second shape, as Evaluate's.
    [Alias("Propose2")]
    Task<During<Proposed>> Propose(Proposal proposal, ImmutableArray<Commitment> commitments, ModelParameters parameters, AdvanceAttempt attempt, HandedBack<Delegation>? handedBack = null, CancellationToken cancellation = default);

    /// <summary>
    /// The country as of the world's last completed advance (as <see cref="AsOf"/>), and then cleared, in storage and in
    /// memory, but left active: the read of a finished world that nobody reads again, in one call, after which the grain
    /// waits to be seeded again (a study's next sample) or retired (<see cref="Retire"/>, which then only deactivates it).
    /// </summary>
    /// <exception cref="InvalidOperationException">When the country has not been seeded (or was retired already), or as <see cref="AsOf"/> says; nothing is cleared.</exception>
    [Alias("Final")]
    Task<CountrySnapshot> Final(int advances);

    /// <summary>Clears this country's stored state and deactivates it.</summary>
    [Alias("Retire")]
    Task Retire();

    /// <summary>
    /// Applies one change of a shock step to this country; the same <paramref name="command"/> id again in the same
    /// advance returns the first outcome and changes nothing. The answer says which activation gave it (<see cref="During{T}"/>).
    /// </summary>
    [Alias("Shock")]
    Task<During<ShockOutcome>> Shock(string command, ShockChange change, string cause, ImmutableArray<Commitment> commitments, ModelParameters parameters, AdvanceAttempt attempt, CancellationToken cancellation = default);

    /// <summary>
    /// Writes what the attempt changed; the world grain calls it at each checkpoint (every N-th advance, by default every 100th, and the run's last) on a country the attempt changed.
    /// <paramref name="calls"/> is how many calls that may change the country (Evaluate, Propose, Shock) the attempt
    /// made to it since the last checkpoint.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The country's activation did not serve all <paramref name="calls"/>: the silo deactivated it part way
    /// through the advance and the changes of the earlier calls are lost, so nothing is written and the advance
    /// must fail and be run again.
    /// </exception>
    [Alias("Commit")]
    Task Commit(AdvanceAttempt attempt, int calls);

    /// <summary>
    /// <see cref="Commit"/>, then the country as it holds it once committed, in one call: what <see cref="Final"/> would
    /// read back after the run's last advance. A world kept in memory commits its run's one checkpoint, the run's last
    /// advance, so, and reads the country back from this answer with no further call. Unlike <see cref="Final"/>, it clears
    /// nothing: the grain keeps the state in memory until it is seeded again (a study's next sample) or retired.
    /// </summary>
    /// <exception cref="InvalidOperationException">As <see cref="Commit"/>: nothing is written or answered, and the advance must fail and be run again.</exception>
    [Alias("CommitAndGet")]
    Task<CountrySnapshot> CommitAndGet(AdvanceAttempt attempt, int calls);

    /// <summary>Drops what a failed attempt changed in memory, so the country reads storage again.</summary>
    [Alias("Abandon")]
    Task Abandon(AdvanceAttempt attempt);
}

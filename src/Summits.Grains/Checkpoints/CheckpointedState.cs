using Orleans.Serialization;

namespace Summits.Grains;

/// <summary>
/// The state of a grain that advances change in memory and a commit writes, kept with its checkpoint: the
/// state before the advance in progress. The first call of each attempt at an advance either starts a new
/// checkpoint (a new advance) or goes back to the one it kept (a retried advance, whether or not the first
/// try was written), so a retried advance gives the same answers, byte for byte, as one that never failed.
/// A commit writes the checkpoint and the state together, as one <see cref="Checkpoint{T}"/>, so that each grain an
/// advance changed costs one storage write and storage never holds the one without the other. The state stored on
/// its own is written by seeding only; a commit's <see cref="Checkpoint{T}.After"/>, when storage holds one, is the
/// newer state.
/// A state kept in the activation alone (a world kept in memory, <see cref="InMemoryWorlds"/>) keeps no state from before
/// an attempt: its world writes no checkpoint before its run's last advance and cannot go back to one.
/// A failed write deactivates the grain, so that what it holds in memory is again what storage holds.
/// The calls of an attempt that may change the state are counted, so that a commit can tell whether this
/// activation served all of them: an activation the silo ended part way through an advance took the earlier
/// calls' changes with it, and its successor must not write a state that lacks them. Every answer names the
/// activation that gave it (<see cref="Activation"/>), so that the world finds such a loss between checkpoints without
/// asking.
/// </summary>
/// <param name="current">The grain's state as seeded (or as a version that wrote it on its own last committed it).</param>
/// <param name="checkpoint">The last commit: the state before the advance that last changed it, and the state after it.</param>
/// <param name="deactivate">Deactivates the grain, so that its next activation reads what storage holds.</param>
/// <param name="begin">Prepares the state for a new advance (forgets the last advance's answers) before it is kept.</param>
public sealed class CheckpointedState<T>(
    IPersistentState<T> current, IPersistentState<Checkpoint<T>> checkpoint, DeepCopier copier, Action deactivate, Action<T> begin)
    where T : class, new()
{
    private Guid _attempt;
    private int _advance;
    private bool _dirty;
    private int _served;
    // The state in memory: the last commit's when storage holds one, else the one seeded; read once per activation.
    private T? _state;

    /// <summary>This activation of the grain: a new id each time the grain activates (the state is made once per activation).</summary>
    public Guid Activation { get; } = Guid.NewGuid();

    /// <summary>The state as the grain holds it now, an advance in progress included.</summary>
    public T State => _state ??= checkpoint.State.After ?? current.State;

    /// <summary>
    /// The state as of the world's last completed advance: <paramref name="advances"/> is how many the world
    /// has completed, so a checkpoint of advance <paramref name="advances"/> or later (one the world has not
    /// completed, whether in progress or failed after this grain wrote) gives the state from before it.
    /// </summary>
    /// <param name="grain">The grain as its other errors name it: its type and its key (<c>country KEY</c>).</param>
    /// <exception cref="InvalidOperationException">
    /// The state is kept in memory alone and the attempt in progress began at or after advance <paramref name="advances"/>:
    /// such a grain keeps no state from before its attempt (<see cref="Enter"/>).
    /// </exception>
    public T AsOf(int advances, string grain) =>
        checkpoint.State is not { Advance: { } advance } || advance < advances ? State
        : checkpoint.State.Before ?? (KeepsBefore ? State : throw NoBefore(grain, advance));

    /// <summary>
    /// True when the state is kept in the activation alone (a world kept in memory, <see cref="InMemoryWorlds"/>), false when
    /// it is kept in the grain storage.
    /// </summary>
    public bool InMemory => current is IStorageChoice { InMemory: true };

    /// <summary>
    /// Whether this activation can hold the state of <paramref name="attempt"/>'s world: not when the attempt is a world's
    /// kept in memory and the state is kept in storage, which an activation that began after the grain's seeding (the
    /// grain was lost since) reads; that activation holds nothing of the run, whatever storage gave it.
    /// </summary>
    public bool Serves(AdvanceAttempt attempt) => !attempt.InMemory || InMemory;

    // A world kept in memory has no checkpoint to go back to: it writes none before its run's last advance, and an advance
    // that fails ends the world's activation, which holds the whole run. Its grains keep no state from before an attempt.
    private bool KeepsBefore => current is not IStorageChoice { InMemory: true };

    private static InvalidOperationException NoBefore(string grain, int advance) => new(
        $"{grain} is kept in memory alone and keeps nothing from before advance {advance}: a world kept in memory is read back after its run's last advance, not during its run");

    /// <summary>
    /// True once <see cref="ClearAsync"/> has cleared the state and nothing has seeded it since: a grain read back and
    /// reset by its world's <c>Final</c>, which retiring need not clear again.
    /// </summary>
    public bool Cleared { get; private set; }

    /// <summary>
    /// Replaces the state with a new one that <paramref name="seed"/> fills, and writes it; a failed write deactivates
    /// the grain. Whatever the grain held before goes: a world's grain seeded again for its next sample (a study's lane)
    /// starts from nothing, its last run's checkpoint and answers included. A checkpoint that storage holds is cleared
    /// first; a grain that never ran (a fresh world, or one seeded again before it started) writes its state alone, as
    /// a first seeding does. The seeding call chooses where both states are kept, in memory or in storage
    /// (<see cref="InMemoryWorlds.FollowSeedingAsync{TState}"/>).
    /// </summary>
    public async Task SeedAsync(Action<T> seed)
    {
        try
        {
            // The seeding call says whether this world is kept in memory or in storage, whatever call began the activation.
            await InMemoryWorlds.FollowSeedingAsync(current);
            await InMemoryWorlds.FollowSeedingAsync(checkpoint);
            if (checkpoint.RecordExists)
                await checkpoint.ClearStateAsync();
            if (checkpoint.State is not { Advance: null, Before: null, After: null })
                checkpoint.State = new Checkpoint<T>();
            var seeded = new T();
            seed(seeded);
            _state = seeded;
            _attempt = Guid.Empty;
            _dirty = false;
            _served = 0;
            Cleared = false;
            current.State = seeded;
            await current.WriteStateAsync();
        }
        catch
        {
            deactivate();
            throw;
        }
    }

    /// <summary>
    /// Called first by every call of an advance; only the first call of an attempt in this activation starts or
    /// resumes a checkpoint, of the attempt's first advance (<see cref="AdvanceAttempt.From"/>); a later advance of
    /// the same attempt keeps the changes in memory and forgets the last advance's answers. <paramref name="counted"/> is true for the calls that may change the state (those
    /// <see cref="GrainWorldAccess"/> counts and passes to <see cref="CommitAsync"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// An attempt at an advance that this grain, kept in memory alone, began before: such a grain keeps no state from
    /// before an attempt to go back to, and its world never tries an advance again.
    /// </exception>
    public T Enter(AdvanceAttempt attempt, bool counted = false)
    {
        if (attempt.Attempt == _attempt)
        {
            if (attempt.Advance != _advance)
            {
                // The next advance of an attempt that spans several (a checkpoint every N): the changes stay in
                // memory, the answers of the last advance are forgotten, as a new checkpoint would forget them.
                begin(State);
                _advance = attempt.Advance;
            }
            if (counted)
                _served++;
            return State;
        }
        if (checkpoint.State.Advance == attempt.From)
        {
            // This attempt's first advance reached the grain before, in a try that failed or that the world lost:
            // back to where it began.
            _state = copier.Copy(checkpoint.State.Before ?? throw new InvalidOperationException(
                $"advance {attempt.From} was tried again on a grain kept in memory alone, which keeps nothing from before an attempt to go back to: a world kept in memory does not try an advance again"));
            _dirty = true;
        }
        else
        {
            begin(State);
            checkpoint.State = new Checkpoint<T> { Advance = attempt.From, Before = KeepsBefore ? copier.Copy(State) : null };
            _dirty = false;
        }
        _attempt = attempt.Attempt;
        _advance = attempt.Advance;
        _served = counted ? 1 : 0;
        return State;
    }

    /// <summary>
    /// The state as the attempt in progress sees it, copied, with <see cref="Answer{TValue}"/>'s marks: what a world copies
    /// to run an autonomous step on. A read: it starts or resumes the attempt's checkpoint as any call does.
    /// </summary>
    /// <param name="check">Checks the state before it is copied (a grain's check that it has been seeded, which throws).</param>
    public Task<During<T>> CopyDuring(AdvanceAttempt attempt, Func<T, T> check, CancellationToken cancellation) =>
        cancellation.IsCancellationRequested
            ? Task.FromCanceled<During<T>>(cancellation)
            : Task.FromResult(Answer(copier.Copy(check(Enter(attempt)))));

    /// <summary>
    /// Replaces the state in memory with <paramref name="state"/> as a call of the attempt that changes it (counted), after
    /// the attempt's checkpoint is started or resumed as for any call: what a world hands back after an autonomous step.
    /// </summary>
    /// <param name="check">
    /// Given the state held now, throws when the grain cannot take the hand-back (a grain that holds no seeding, lost and
    /// activated again by this call, refuses it, unless it took its world's seeding first, as a topic does); called before
    /// anything else, so that a refused hand-back leaves the
    /// grain as it was, its attempt not entered.
    /// </param>
    public During<bool> Hold(T state, AdvanceAttempt attempt, Action<T> check)
    {
        check(State);
        Enter(attempt, counted: true);
        _state = state;
        _dirty = true;
        return Answer(true);
    }

    /// <summary><see cref="Hold"/>, then <see cref="CommitAsync"/> with <paramref name="calls"/>, which counts the hold.</summary>
    public Task CommitHeldAsync(T state, AdvanceAttempt attempt, int calls, Action<T> check, string grain)
    {
        Hold(state, attempt, check);
        return CommitAsync(attempt, calls, grain);
    }

    /// <summary>Marks the state changed by the attempt in progress.</summary>
    public void Changed() => _dirty = true;

    /// <summary>
    /// True when the attempt in progress changed the state, or its first call went back to the checkpoint (a retry,
    /// whose failed try may have written the state after it): a commit would write it. False when the attempt has
    /// only read it.
    /// </summary>
    public bool Dirty => _dirty;

    /// <summary><paramref name="value"/> with whether the attempt has changed the state so far (<see cref="Dirty"/>) and this activation.</summary>
    public During<TValue> Answer<TValue>(TValue value) => new(value, _dirty, Activation);

    /// <summary>
    /// Writes the checkpoint with the state, in one write, if the attempt changed it; a failed write deactivates the grain.
    /// <paramref name="calls"/> is how many calls that may change the state the attempt made to this grain.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// This activation did not serve all <paramref name="calls"/> (the silo deactivated the grain part way through
    /// the advance, and the changes of the calls it served before are lost): nothing is written, the grain
    /// deactivates, and the advance must fail and be run again.
    /// </exception>
    public Task CommitAsync(AdvanceAttempt attempt, int calls, string grain) =>
        Served(attempt, calls, grain) ?? (_dirty ? WriteAsync() : Task.CompletedTask);

    /// <summary>Null when this activation served all <paramref name="calls"/>; else the failure, the grain deactivating.</summary>
    private Task? Served(AdvanceAttempt attempt, int calls, string grain)
    {
        var served = attempt.Attempt == _attempt ? _served : 0;
        if (served == calls)
            return null;
        if (attempt.Attempt == _attempt)
            deactivate();
        return Task.FromException(new InvalidOperationException(
            $"{grain} served {served} of the {calls} calls of advance {attempt.Advance} that may change it in this activation (it was deactivated part way through): the advance must be run again"));
    }

    private async Task WriteAsync()
    {
        try
        {
            checkpoint.State.After = State;
            await checkpoint.WriteStateAsync();
            _dirty = false;
        }
        catch
        {
            deactivate();
            throw;
        }
    }

    /// <summary>
    /// Drops what an attempt that failed elsewhere changed in memory: the grain deactivates if the attempt
    /// changed it, and reads storage again on its next call.
    /// </summary>
    public void Abandon(AdvanceAttempt attempt)
    {
        if (attempt.Attempt == _attempt && _dirty)
            deactivate();
    }

    /// <summary>Clears the state and its checkpoint from storage, and from memory: the grain holds nothing until seeded again.</summary>
    public async Task ClearAsync()
    {
        await checkpoint.ClearStateAsync();
        await current.ClearStateAsync();
        _state = null;
        _dirty = false;
        _served = 0;
        _attempt = Guid.Empty;
        Cleared = true;
    }
}

using Orleans.Serialization;

namespace Summits.Grains;

/// <summary>
/// The state of a grain that advances change in memory and a commit writes, kept with its checkpoint: the
/// state before the advance in progress. The first call of each attempt at an advance either starts a new
/// checkpoint (a new advance) or goes back to the one it kept (a retried advance, whether or not the first
/// try was written), so a retried advance gives the same answers, byte for byte, as one that never failed.
/// A failed write deactivates the grain, so that what it holds in memory is again what storage holds.
/// </summary>
/// <param name="current">The grain's state, as reads outside an advance see it.</param>
/// <param name="checkpoint">The state before the advance that last changed it, written before <paramref name="current"/>.</param>
/// <param name="deactivate">Deactivates the grain, so that its next activation reads what storage holds.</param>
/// <param name="begin">Prepares the state for a new advance (forgets the last advance's answers) before it is kept.</param>
public sealed class CheckpointedState<T>(
    IPersistentState<T> current, IPersistentState<Checkpoint<T>> checkpoint, DeepCopier copier, Action deactivate, Action<T> begin)
    where T : class
{
    private Guid _attempt;
    private bool _dirty;

    public T State => current.State;

    /// <summary>Writes a freshly seeded state; a failed write deactivates the grain.</summary>
    public async Task SeedAsync()
    {
        try
        {
            await current.WriteStateAsync();
        }
        catch
        {
            deactivate();
            throw;
        }
    }

    /// <summary>Called first by every call of an advance; only the first call of an attempt does anything.</summary>
    public T Enter(AdvanceAttempt attempt)
    {
        if (attempt.Attempt == _attempt)
            return current.State;
        if (checkpoint.State.Advance == attempt.Advance)
        {
            // This advance reached the grain before, in a try that failed: back to where it began.
            current.State = copier.Copy(checkpoint.State.Before!);
            _dirty = true;
        }
        else
        {
            begin(current.State);
            checkpoint.State = new Checkpoint<T> { Advance = attempt.Advance, Before = copier.Copy(current.State) };
            _dirty = false;
        }
        _attempt = attempt.Attempt;
        return current.State;
    }

    /// <summary>Marks the state changed by the attempt in progress.</summary>
    public void Changed() => _dirty = true;

    /// <summary>Writes the checkpoint, then the state, if the attempt changed it; a failed write deactivates the grain.</summary>
    public async Task CommitAsync(AdvanceAttempt attempt)
    {
        if (attempt.Attempt != _attempt || !_dirty)
            return;
        try
        {
            await checkpoint.WriteStateAsync();
            await current.WriteStateAsync();
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

    /// <summary>Clears the state and its checkpoint from storage.</summary>
    public async Task ClearAsync()
    {
        await checkpoint.ClearStateAsync();
        await current.ClearStateAsync();
        _dirty = false;
        _attempt = Guid.Empty;
    }
}

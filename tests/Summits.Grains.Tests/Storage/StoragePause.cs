namespace Summits.Grains.Tests;

/// <summary>A storage call held where it stands: <see cref="Reached"/> completes when the call arrives, and the call goes on once <see cref="Release"/> is called.</summary>
public sealed class StoragePause
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the paused call has arrived and is waiting.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets the paused call go on to the real storage.</summary>
    public void Release() => _released.TrySetResult();

    internal async Task HoldAsync()
    {
        _reached.TrySetResult();
        await _released.Task;
    }
}

using Orleans.Core;
using Orleans.Serialization.Activators;

namespace Summits.Grains;

/// <summary>
/// A grain's persistent state whose storage is chosen as the grain activates, and chosen again by each call that seeds
/// the grain (<see cref="InMemoryWorlds.FollowSeedingAsync{TState}"/>): for a world marked as kept in memory
/// (<see cref="InMemoryWorlds"/>) the state lives in the activation alone, so that reading, writing and clearing it
/// touch no storage; for any other world every operation goes to the grain storage, as Orleans' own state does, the
/// read at activation included.
/// </summary>
/// <typeparam name="TState">The state's type, made fresh by its Orleans activator.</typeparam>
internal sealed class DurableOrInMemoryState<TState> : IPersistentState<TState>, ILifecycleObserver, IStorageChoice
{
    private readonly StateStorageBridge<TState> _stored;
    private readonly IActivator<TState> _activator;
    private bool _inMemory;
    private TState _state = default!;
    private bool _exists;

    public DurableOrInMemoryState(StateStorageBridge<TState> stored, IActivator<TState> activator, IGrainLifecycle lifecycle)
    {
        _stored = stored;
        _activator = activator;
        // Where Orleans' own state reads itself: before OnActivateAsync, with the activating call's request context.
        lifecycle.Subscribe(typeof(DurableOrInMemoryState<TState>).FullName!, GrainLifecycleStage.SetupState, this);
    }

    public TState State
    {
        get => _inMemory ? _state : _stored.State;
        set
        {
            if (_inMemory)
                _state = value;
            else
                _stored.State = value;
        }
    }

    public bool InMemory => _inMemory;

    public string? Etag => _inMemory ? null : _stored.Etag;

    public bool RecordExists => _inMemory ? _exists : _stored.RecordExists;

    public Task OnStart(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
            return Task.CompletedTask;
        _inMemory = InMemoryWorlds.IsCurrent;
        if (!_inMemory)
            return _stored.ReadStateAsync();
        _state = _activator.Create();
        return Task.CompletedTask;
    }

    public Task OnStop(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task KeepAsync(bool inMemory)
    {
        if (inMemory == _inMemory)
            return Task.CompletedTask;
        _inMemory = inMemory;
        if (!inMemory)
            return _stored.ReadStateAsync();
        _state = _activator.Create();
        _exists = false;
        return Task.CompletedTask;
    }

    public Task ReadStateAsync() => _inMemory ? Task.CompletedTask : _stored.ReadStateAsync();

    public Task WriteStateAsync()
    {
        if (!_inMemory)
            return _stored.WriteStateAsync();
        _exists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync()
    {
        if (!_inMemory)
            return _stored.ClearStateAsync();
        _state = _activator.Create();
        _exists = false;
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using Orleans.Storage;

namespace Summits.Grains.Tests;

/// <summary>
/// Real grain storage (the named memory storage, writing what the configured serializer makes of each
/// state) with faults injected where a test chooses: the n-th write or read of one grain fails once
/// with an <see cref="IOException"/>, before the real storage is touched, as a lost connection would.
/// It also keeps the bytes of each grain's last write, as the storage holds them.
/// </summary>
public sealed class ChosenFaultStorage(IGrainStorage inner, IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, (string StateName, BinaryData Bytes)> _written = new();

    /// <summary>The bytes of each grain's last write, keyed by grain id.</summary>
    public IReadOnlyDictionary<GrainId, (string StateName, BinaryData Bytes)> Written => _written;

    public IGrainStorage Inner => inner;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        await inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.WriteStateAsync(stateName, grainId, grainState);
        _written[grainId] = (stateName, serializer.Serialize(grainState.State));
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.ClearStateAsync(stateName, grainId, grainState);
        _written.TryRemove(grainId, out _);
    }
}

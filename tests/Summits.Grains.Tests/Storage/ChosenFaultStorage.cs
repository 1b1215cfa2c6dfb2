using System.Collections.Concurrent;
using Orleans.Storage;

namespace Summits.Grains.Tests;

/// <summary>Which storage operation a call is.</summary>
public enum StorageOperation
{
    Read = 0,
    Write = 1,
    Clear = 2,
}

/// <summary>One call to the storage: the <see cref="Nth"/> call of its operation on its grain's state (from 1).</summary>
public sealed record StorageCall(StorageOperation Operation, string StateName, GrainId Grain, int Nth);

/// <summary>
/// Real grain storage (the silo's named in-memory storage, which keeps what the configured serializer makes of each
/// state) with faults where a test chooses them: the n-th read or write of one grain's state fails once
/// with an <see cref="IOException"/>, before the real storage is touched, as a lost connection would, or a
/// write fails after it has landed, as a lost acknowledgement would; or
/// waits, before the real storage is touched, until the test releases it, so that a test can act at that
/// very point of a run (<see cref="Pause"/>). It logs every call, so that a test can list every point
/// where a run could fail, and keeps the bytes of each grain's last write.
/// </summary>
public sealed class ChosenFaultStorage(IGrainStorage inner, IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, (string StateName, BinaryData Bytes)> _written = new();
    private readonly ConcurrentDictionary<(StorageOperation, string, GrainId), int> _counts = new();
    private readonly ConcurrentDictionary<(StorageOperation, string, GrainId, int), bool> _faults = new();
    private readonly ConcurrentQueue<StorageCall> _calls = new();
    private readonly ConcurrentDictionary<(StorageOperation, string, GrainId, int), StoragePause> _pauses = new();

    /// <summary>The bytes of each grain's last write, keyed by grain id.</summary>
    public IReadOnlyDictionary<GrainId, (string StateName, BinaryData Bytes)> Written => _written;

    /// <summary>The storage behind the faults.</summary>
    public IGrainStorage Inner => inner;

    /// <summary>Every call so far on grains whose key begins with <paramref name="keyPrefix"/>, in the order made.</summary>
    public IReadOnlyList<StorageCall> CallsOn(string keyPrefix) =>
        [.. _calls.Where(c => c.Grain.Key.ToString()!.StartsWith(keyPrefix, StringComparison.Ordinal))];

    /// <summary>
    /// Makes the <paramref name="nth"/> call (from 1, counting every call since the silo started) of an operation on
    /// one grain's state fail, once: before the real storage is touched, or with <paramref name="afterWriting"/> (a
    /// write only) after the write has landed, as when a storage's acknowledgement is lost.
    /// </summary>
    public void Fail(StorageOperation operation, string stateName, GrainId grain, int nth, bool afterWriting = false)
    {
        if (afterWriting && operation != StorageOperation.Write)
            throw new ArgumentException("only a write can fail after it has landed", nameof(afterWriting));
        _faults[(operation, stateName, grain, nth)] = afterWriting;
    }

    /// <summary>Makes the <paramref name="nth"/> call of an operation on one grain's state wait until the returned pause is released.</summary>
    public StoragePause Pause(StorageOperation operation, string stateName, GrainId grain, int nth) =>
        _pauses[(operation, stateName, grain, nth)] = new StoragePause();

    /// <summary>The same grain in another world: its key with the world part replaced.</summary>
    public static GrainId Moved(GrainId grain, string from, string to) =>
        GrainId.Create(grain.Type.ToString()!, to + grain.Key.ToString()![from.Length..]);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Call(StorageOperation.Read, stateName, grainId);
        await inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var nth = await Call(StorageOperation.Write, stateName, grainId);
        await inner.WriteStateAsync(stateName, grainId, grainState);
        _written[grainId] = (stateName, serializer.Serialize(grainState.State));
        if (_faults.TryRemove((StorageOperation.Write, stateName, grainId, nth), out _))
            throw new IOException($"storage fault chosen by the test, after the write landed: write {nth} of {stateName} on {grainId}");
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Call(StorageOperation.Clear, stateName, grainId);
        await inner.ClearStateAsync(stateName, grainId, grainState);
        _written.TryRemove(grainId, out _);
    }

    /// <summary>Logs the call, waits where a test paused it and fails where a test chose a fault before the storage; returns its number.</summary>
    private async Task<int> Call(StorageOperation operation, string stateName, GrainId grain)
    {
        var nth = _counts.AddOrUpdate((operation, stateName, grain), 1, (_, n) => n + 1);
        _calls.Enqueue(new StorageCall(operation, stateName, grain, nth));
        if (_pauses.TryRemove((operation, stateName, grain, nth), out var pause))
            await pause.HoldAsync();
        if (_faults.TryGetValue((operation, stateName, grain, nth), out var afterWriting) && !afterWriting
            && _faults.TryRemove((operation, stateName, grain, nth), out _))
            throw new IOException($"storage fault chosen by the test: {operation} {nth} of {stateName} on {grain}");
        return nth;
    }
}

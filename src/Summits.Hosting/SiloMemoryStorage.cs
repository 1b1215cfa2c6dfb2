using System.Globalization;
using Orleans.Storage;

namespace Summits.Hosting;

/// <summary>
/// Grain storage kept in the silo's own memory, for a silo that joins no cluster (the embedded silo of <c>summits run</c>,
/// <c>summits bench</c>, every test cluster): each state as the bytes the configured <see cref="IGrainStorageSerializer"/>
/// makes of it, keyed by state name and grain id, with an etag that a write or clear must present, as any Orleans storage
/// does. Orleans' memory storage keeps the same bytes in a storage grain, so that each write costs a second grain call,
/// which copies the bytes once more; here a write is the serialisation alone. The bytes live as long as the silo, as the
/// memory storage's do on a silo of its own; a silo of a cluster keeps its state in Redis instead.
/// </summary>
/// <remarks>
/// Serialising copies the state: a grain goes on changing its state object after writing it, and what is stored must
/// stay what was written. Reads deserialise a new object each time. A state whose type is marked
/// <see cref="ImmutableAttribute"/> (a timeline page) cannot change after it is written, so it is kept as the object
/// written and read back as that object, with no serialisation either way: the copy that the bytes are for would copy
/// nothing that could change. In one process that object is as durable as its bytes would be.
/// </remarks>
public sealed class SiloMemoryStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly Lock _lock = new();
    /// <summary>Each state as stored: its serializer's <see cref="BinaryData"/>, or the object written when its type is immutable.</summary>
    private readonly Dictionary<(string StateName, GrainId Grain), (object Stored, string ETag)> _states = [];
    private long _lastETag;

    /// <summary>
    /// Reads <paramref name="grainState"/>'s state, etag and whether a record exists; a state never written (or cleared) is
    /// a new <typeparamref name="T"/> with no etag.
    /// </summary>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        (object Stored, string ETag) stored;
        bool found;
        lock (_lock)
            found = _states.TryGetValue((stateName, grainId), out stored);
        if (found)
            (grainState.State, grainState.ETag, grainState.RecordExists) = (KeptAsWritten<T>.Is ? (T)stored.Stored : serializer.Deserialize<T>((BinaryData)stored.Stored), stored.ETag, true);
        else
            (grainState.State, grainState.ETag, grainState.RecordExists) = (Activator.CreateInstance<T>(), null, false);
        return Task.CompletedTask;
    }

    /// <summary>Writes <paramref name="grainState"/>'s state (its bytes, or the object itself when its type is immutable) and gives it a new etag.</summary>
    /// <exception cref="InconsistentStateException">A state is stored and the etag presented is not its (another activation wrote since).</exception>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        object stored = KeptAsWritten<T>.Is ? grainState.State! : serializer.Serialize(grainState.State);
        string etag;
        lock (_lock)
        {
            Check(stateName, grainId, grainState.ETag);
            etag = (++_lastETag).ToString(CultureInfo.InvariantCulture);
            _states[(stateName, grainId)] = (stored, etag);
        }
        (grainState.ETag, grainState.RecordExists) = (etag, true);
        return Task.CompletedTask;
    }

    /// <summary>Deletes the stored state; <paramref name="grainState"/> becomes a new <typeparamref name="T"/> with no etag.</summary>
    /// <exception cref="InconsistentStateException">A state is stored and the etag presented is not its (another activation wrote since).</exception>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_lock)
        {
            Check(stateName, grainId, grainState.ETag);
            _states.Remove((stateName, grainId));
        }
        (grainState.State, grainState.ETag, grainState.RecordExists) = (Activator.CreateInstance<T>(), null, false);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Throws unless <paramref name="etag"/> is the stored state's or nothing is stored, as Orleans' memory storage does
    /// (a state cleared by one activation may be written again by another). Called under the lock.
    /// </summary>
    private void Check(string stateName, GrainId grainId, string? etag)
    {
        if (!_states.TryGetValue((stateName, grainId), out var state))
            return;
        var stored = state.ETag;
        if (!string.Equals(stored, etag, StringComparison.Ordinal))
            throw new InconsistentStateException(
                $"the {stateName} state of {grainId} was written by another activation: etag {etag ?? "none"} presented, {stored} stored",
                stored, etag);
    }

    /// <summary>Whether states of type <typeparamref name="T"/> are kept as the object written: true when the type is marked <see cref="ImmutableAttribute"/>.</summary>
    private static class KeptAsWritten<T>
    {
        public static readonly bool Is = typeof(T).IsDefined(typeof(ImmutableAttribute), inherit: false);
    }
}

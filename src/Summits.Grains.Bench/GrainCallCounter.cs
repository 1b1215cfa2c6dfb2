using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;

namespace Summits.Grains.Bench;

/// <summary>
/// Counts every grain call a silo receives, by interface and method, so a benchmark can say how many
/// calls one proposal costs, and every write of one named grain storage, by grain.
/// Registered only by <c>summits bench</c>: it is one more step on every call.
/// </summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    // Keyed by the interface's type and the method's name, both at hand on every call; names are made only for a snapshot.
    private readonly ConcurrentDictionary<(GrainInterfaceType Interface, string Method), StrongBox<long>> _calls = new();

    // Storage writes by the grain whose state they write (its id), every state of one grain together.
    private readonly ConcurrentDictionary<string, StrongBox<long>> _writes = new(StringComparer.Ordinal);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var count = _calls.GetOrAdd((context.InterfaceType, context.MethodName), static _ => new StrongBox<long>());
        Interlocked.Increment(ref count.Value);
        return context.Invoke();
    }

    /// <summary>
    /// The storage's writes counted so far, by the grain whose state they wrote (its id, such as
    /// <c>country/WORLD/ACTOR</c>): every state of one grain counts towards the same grain. A write the storage refused
    /// is not counted.
    /// </summary>
    public IReadOnlyDictionary<string, long> WritesByGrain() =>
        _writes.ToDictionary(w => w.Key, w => Interlocked.Read(ref w.Value.Value), StringComparer.Ordinal);

    /// <summary>The calls counted so far, keyed <c>interface.method</c>.</summary>
    public IReadOnlyDictionary<string, long> Snapshot()
    {
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var ((type, method), count) in _calls)
        {
            var name = $"{type}.{method}";
            calls[name] = calls.GetValueOrDefault(name) + Interlocked.Read(ref count.Value);
        }
        return calls;
    }

    /// <summary>
    /// Registers one counter as a singleton and as an incoming filter of the silo, and around the grain storage named
    /// <paramref name="storageName"/>, which must already be registered by a factory (as <c>AddSummits</c> does).
    /// </summary>
    /// <exception cref="InvalidOperationException">No grain storage named <paramref name="storageName"/> is registered by a factory yet.</exception>
    public static ISiloBuilder AddTo(ISiloBuilder silo, string storageName)
    {
        silo.Services.AddSingleton<GrainCallCounter>();
        silo.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<GrainCallCounter>());
        var storage = silo.Services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, storageName)
            && d.KeyedImplementationFactory is not null)
            ?? throw new InvalidOperationException($"the call counter counts the writes of the grain storage {storageName}, which is not registered by a factory yet");
        silo.Services.Remove(storage);
        silo.Services.AddKeyedSingleton<IGrainStorage>(storageName, (services, key) => new CountingStorage(
            services.GetRequiredService<GrainCallCounter>(), (IGrainStorage)storage.KeyedImplementationFactory!(services, key)));
        return silo;
    }

    /// <summary>A storage whose accepted writes the counter counts by grain.</summary>
    private sealed class CountingStorage(GrainCallCounter counter, IGrainStorage inner) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            var written = counter._writes.GetOrAdd(grainId.ToString(), static _ => new StrongBox<long>());
            Interlocked.Increment(ref written.Value);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ClearStateAsync(stateName, grainId, grainState);
    }
}

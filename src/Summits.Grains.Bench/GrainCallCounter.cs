using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace Summits.Grains.Bench;

/// <summary>
/// Counts every grain call a silo receives, by interface and method, so a benchmark can say how many
/// calls one proposal costs. Registered only by <c>summits bench</c>: it is one more step on every call.
/// </summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    // Keyed by the interface's type and the method's name, both at hand on every call; names are made only for a snapshot.
    private readonly ConcurrentDictionary<(GrainInterfaceType Interface, string Method), StrongBox<long>> _calls = new();

    // Storage writes by the grain whose state they write, for the memory storage's writes (whose first argument is the
    // record's key, "{state name}/{grain id}").
    private readonly ConcurrentDictionary<string, StrongBox<long>> _writes = new(StringComparer.Ordinal);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var count = _calls.GetOrAdd((context.InterfaceType, context.MethodName), static _ => new StrongBox<long>());
        Interlocked.Increment(ref count.Value);
        if (context.MethodName.StartsWith(WriteMethod, StringComparison.Ordinal)
            && context.InterfaceType.ToString().EndsWith(StorageInterface, StringComparison.Ordinal)
            && context.Request.GetArgument(0) is string key)
        {
            var written = _writes.GetOrAdd(GrainOf(key), static _ => new StrongBox<long>());
            Interlocked.Increment(ref written.Value);
        }
        return context.Invoke();
    }

    private const string WriteMethod = "WriteStateAsync";
    private const string StorageInterface = "IMemoryStorageGrain";

    /// <summary>The grain a memory-storage key belongs to: the key without its state name, so that a grain's states count together.</summary>
    private static string GrainOf(string key) => key.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? key[(slash + 1)..] : key;

    /// <summary>
    /// The memory storage's writes counted so far, by the grain whose state they wrote (its id, such as
    /// <c>country/WORLD/ACTOR</c>): every state of one grain counts towards the same grain.
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

    /// <summary>Registers one counter as a singleton and as an incoming filter of the silo.</summary>
    public static ISiloBuilder AddTo(ISiloBuilder silo)
    {
        silo.Services.AddSingleton<GrainCallCounter>();
        silo.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<GrainCallCounter>());
        return silo;
    }
}

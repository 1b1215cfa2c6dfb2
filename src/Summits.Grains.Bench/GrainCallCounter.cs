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

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var count = _calls.GetOrAdd((context.InterfaceType, context.MethodName), static _ => new StrongBox<long>());
        Interlocked.Increment(ref count.Value);
        return context.Invoke();
    }

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

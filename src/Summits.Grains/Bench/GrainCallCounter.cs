using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace Summits.Grains;

/// <summary>
/// Counts every grain call a silo receives, by interface and method, so a benchmark can say how many
/// calls one proposal costs. Registered only by <c>summits bench</c>: it is one more step on every call.
/// </summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        _calls.AddOrUpdate($"{context.InterfaceName}.{context.MethodName}", 1, static (_, n) => n + 1);
        await context.Invoke();
    }

    /// <summary>The calls counted so far, keyed <c>interface.method</c>.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_calls, StringComparer.Ordinal);

    /// <summary>Registers one counter as a singleton and as an incoming filter of the silo.</summary>
    public static ISiloBuilder AddTo(ISiloBuilder silo)
    {
        silo.Services.AddSingleton<GrainCallCounter>();
        silo.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<GrainCallCounter>());
        return silo;
    }
}

using System.Collections.Concurrent;

namespace Summits.Grains.Tests;

/// <summary>
/// Counts the calls of an advance (those that carry an <see cref="AdvanceAttempt"/>) that each grain serves,
/// and deactivates a grain right after the call a test chose, as the silo would on memory pressure or
/// rebalancing: the grain's next call reaches a fresh activation that reads storage.
/// </summary>
public sealed class CallDeactivations : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<GrainId, int> _counts = new();
    private readonly ConcurrentDictionary<(GrainId, int), bool> _chosen = new();
    private readonly ConcurrentQueue<(GrainId Grain, int Nth, string Method)> _calls = new();

    /// <summary>Deactivates <paramref name="grain"/> after the <paramref name="nth"/> call of an advance it serves (from 1, since the silo started).</summary>
    public void After(GrainId grain, int nth) => _chosen[(grain, nth)] = true;

    /// <summary>
    /// Every call of an advance so far on grains whose key begins with <paramref name="keyPrefix"/>, in the order served,
    /// with the method's name (<c>Evaluate</c>, <c>Commit</c>).
    /// </summary>
    public IReadOnlyList<(GrainId Grain, int Nth, string Method)> CallsOn(string keyPrefix) =>
        [.. _calls.Where(c => c.Grain.Key.ToString()!.StartsWith(keyPrefix, StringComparison.Ordinal))];

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (!Enumerable.Range(0, context.Request.GetArgumentCount()).Any(i => context.Request.GetArgument(i) is AdvanceAttempt))
            return;
        var grain = context.TargetId;
        var nth = _counts.AddOrUpdate(grain, 1, (_, n) => n + 1);
        _calls.Enqueue((grain, nth, context.MethodName));
        if (_chosen.TryRemove((grain, nth), out _))
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "deactivated by the test"));
    }
}

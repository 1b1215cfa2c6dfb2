using System.Collections.Concurrent;

namespace Summits.Grains.Tests;

/// <summary>
/// Records every grain call the silo serves, whatever it carries, as the grain, the method's name, whether the call
/// belongs to an advance (carries an <see cref="AdvanceAttempt"/>), whether it carries the mark of a world kept in memory
/// (<see cref="InMemoryWorlds"/>) and the activation that served it, so that a test can count what one world costs in
/// calls besides its advances' (<see cref="CallDeactivations"/> sees only the calls of an advance) and in activations.
/// </summary>
public sealed class GrainCalls : IIncomingGrainCallFilter
{
    private readonly ConcurrentQueue<(GrainId Grain, string Method, bool OfAdvance, ActivationId Activation, bool Marked)> _calls = new();

    /// <summary>Every call served so far on grains whose key begins with <paramref name="keyPrefix"/>, in the order served.</summary>
    public IReadOnlyList<(GrainId Grain, string Method, bool OfAdvance)> On(string keyPrefix) =>
        [.. Served(keyPrefix).Select(c => (c.Grain, c.Method, c.OfAdvance))];

    /// <summary>
    /// The activations that served the calls on grains whose key begins with <paramref name="keyPrefix"/>, counted by
    /// grain type, as <c>type count</c> in ordinal order: a grain activated, deactivated and activated again counts twice.
    /// </summary>
    public string[] Activations(string keyPrefix) =>
        [.. Served(keyPrefix)
            .Select(c => (Type: c.Grain.Type.ToString()!, c.Activation))
            .Distinct()
            .GroupBy(c => c.Type)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}")];

    private IEnumerable<(GrainId Grain, string Method, bool OfAdvance, ActivationId Activation, bool Marked)> Served(string keyPrefix) =>
        _calls.Where(c => c.Grain.Key.ToString()!.StartsWith(keyPrefix, StringComparison.Ordinal));

    /// <summary>
    /// The calls on world <paramref name="key"/>'s grains that carry no advance attempt, counted by grain type and method,
    /// as <c>type Method count</c> in ordinal order: what seeding, starting, driving, reading and retiring the world cost.
    /// </summary>
    public string[] Lifecycle(string key) =>
        [.. On(key).Where(c => !c.OfAdvance)
            .GroupBy(c => $"{c.Grain.Type} {c.Method}")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}")];

    /// <summary>
    /// The calls on grains whose key begins with <paramref name="keyPrefix"/> that carried the mark of a world kept in
    /// memory, counted by grain type and method, as <c>type Method count</c> in ordinal order.
    /// </summary>
    public string[] Marked(string keyPrefix) =>
        [.. Served(keyPrefix).Where(c => c.Marked)
            .GroupBy(c => $"{c.Grain.Type} {c.Method}")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}")];

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var ofAdvance = Enumerable.Range(0, context.Request.GetArgumentCount()).Any(i => context.Request.GetArgument(i) is AdvanceAttempt);
        _calls.Enqueue((context.TargetId, context.MethodName, ofAdvance, context.TargetContext.ActivationId, InMemoryWorlds.IsCurrent));
        return context.Invoke();
    }
}

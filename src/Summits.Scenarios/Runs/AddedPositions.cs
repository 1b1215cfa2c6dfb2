using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Where each position a scenario's shocks give an actor starts: the value it is added at, which a run's
/// <c>position-added</c> event carries as its <c>after</c>.
/// </summary>
public static class AddedPositions
{
    /// <summary>
    /// Per position absent from <paramref name="start"/> that a shock of <paramref name="scenario"/> names, keyed
    /// (actor, topic): the <see cref="ShockChange.To"/> of the first position change naming it, in step and change
    /// order. That change is the one that adds the position (a shock on a position the actor does not hold must name
    /// the value it moves to, <see cref="Delegation.Shock"/>), and the run's added value is exactly that number, so
    /// the scenario answers without reading the timeline. A first change with no <c>to</c> (a run that fails there)
    /// gives no entry. The values are on the 0–100 scale.
    /// </summary>
    public static ImmutableDictionary<(string Actor, string Topic), double> Of(Scenario scenario, World start)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(start);
        var added = ImmutableDictionary.CreateBuilder<(string Actor, string Topic), double>();
        HashSet<(string, string)>? held = null;
        var seen = new HashSet<(string, string)>();
        foreach (var change in scenario.Steps.OfType<ShockStep>().SelectMany(s => s.Changes))
        {
            if (change is not { What: ShockTarget.Position, Topic: { } topic } || !seen.Add((change.Actor, topic)))
                continue;
            held ??= [.. start.Positions.Select(p => (p.Actor, p.Topic))];
            if (!held.Contains((change.Actor, topic)) && change.To is { } to)
                added[(change.Actor, topic)] = to;
        }
        return added.ToImmutable();
    }
}

using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Two runs side by side, A → B: the agreements B gained or lost against A or holds on other terms,
/// and every position that ended elsewhere, by how much.
/// </summary>
/// <param name="Agreements">A row per agreement and topic: a package over two topics has two rows.</param>
/// <param name="Unchanged">How many agreements (not topics) are the same in A and B on every topic of their terms.</param>
/// <param name="SeedA">The seed of run A (and <paramref name="SeedB"/> of run B), so that either can be run again.</param>
/// <param name="ModelA">The model that ran A (and <paramref name="ModelB"/> B), as <c>--model</c> names it: <see cref="Bargaining"/> or <see cref="Smp"/>.</param>
public sealed record Comparison(string A, string B, ImmutableArray<Comparison.AgreementDiff> Agreements, ImmutableArray<Comparison.PositionDiff> Positions, int Unchanged,
    string ScenarioA = "", ulong SeedA = 0, string ScenarioB = "", ulong SeedB = 0, string ModelA = Comparison.Bargaining, string ModelB = Comparison.Bargaining)
{
    /// <summary>The name of the bargaining model, as <c>--model</c> takes it.</summary>
    public const string Bargaining = "bargaining";

    /// <summary>The name of KTAB's spatial model of politics, as <c>--model</c> takes it.</summary>
    public const string Smp = "smp";

    /// <summary>The model that ran a state: the spatial model when it holds a forecast, the bargaining model otherwise.</summary>
    public static string ModelOf(StateDocument state) => state.Forecast is null ? Bargaining : Smp;

    /// <summary>What became of one agreement from A to B: gained, lost or changed; a side's fields are null where it has no such agreement.</summary>
    public sealed record AgreementDiff(string Change, string Id, string Topic, double? ValueA, double? ValueB, AgreementStatus? StatusA, AgreementStatus? StatusB);

    /// <summary>One position's final value in A and in B; null where the actor held no position on the topic.</summary>
    public sealed record PositionDiff(string Actor, string Topic, double? A, double? B)
    {
        public double? Delta => A is { } a && B is { } b ? b - a : null;
    }

    /// <summary>KTAB's spatial-model forecast on one topic in A and in B (0–100); null on a side that ran no spatial-model turns or forecast other topics.</summary>
    public sealed record ForecastDiff(string Topic, double? A, double? B)
    {
        public double? Delta => A is { } a && B is { } b ? b - a : null;
    }

    /// <summary>The forecast of every topic either side forecast, by topic; empty when neither ran the spatial model.</summary>
    public ImmutableArray<ForecastDiff> Forecasts { get; init; } = [];

    /// <summary>
    /// A position moved when its value changed by this much or more, half the last of the four decimals a figure is
    /// shown with (<see cref="Figures.Most"/>), and its value as shown changed.
    /// </summary>
    public const double Moved = 0.00005;

    public static Comparison Of(string a, StateDocument left, string b, StateDocument right)
    {
        static Dictionary<(string, string), Agreement> ByTopic(StateDocument d) =>
            d.Agreements.SelectMany(g => g.Terms.Keys.Select(t => (Key: (g.Id, t), g))).ToDictionary(x => x.Key, x => x.g);
        var inA = ByTopic(left);
        var inB = ByTopic(right);
        var agreements = ImmutableArray.CreateBuilder<AgreementDiff>();
        foreach (var key in inA.Keys.Concat(inB.Keys).Distinct())
        {
            var (id, topic) = key;
            inA.TryGetValue(key, out var x);
            inB.TryGetValue(key, out var y);
            var liveA = x is { Status: AgreementStatus.Holding or AgreementStatus.Strained };
            var liveB = y is { Status: AgreementStatus.Holding or AgreementStatus.Strained };
            var change = (liveA, liveB) switch
            {
                (false, true) => "gained",
                (true, false) => "lost",
                _ when x?.Status != y?.Status || x?.Terms[topic] != y?.Terms[topic] => "changed",
                _ => null,
            };
            if (change is null)
                continue;
            agreements.Add(new AgreementDiff(change, id, topic, x?.Terms[topic], y?.Terms[topic], x?.Status, y?.Status));
        }

        var valuesA = left.Positions.ToDictionary(p => (p.Actor, p.Topic), p => p.Value);
        var valuesB = right.Positions.ToDictionary(p => (p.Actor, p.Topic), p => p.Value);
        var positions = valuesA.Keys.Concat(valuesB.Keys).Distinct()
            .Select(k => new PositionDiff(k.Actor, k.Topic, valuesA.TryGetValue(k, out var va) ? va : null, valuesB.TryGetValue(k, out var vb) ? vb : null))
            .Where(p => p.Delta is not { } d || (Math.Abs(d) >= Moved && Figures.Text(p.A!.Value) != Figures.Text(p.B!.Value)))
            .OrderByDescending(p => p.Delta is { } d ? Math.Abs(d) : double.PositiveInfinity)
            .ThenBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Actor, StringComparer.Ordinal)
            .ToImmutableArray();
        var order = new[] { "gained", "lost", "changed" };
        var differing = agreements.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var unchanged = inA.Keys.Concat(inB.Keys).Select(k => k.Item1).Distinct().Count(id => !differing.Contains(id));
        return new Comparison(a, b,
            [.. agreements.OrderBy(g => Array.IndexOf(order, g.Change)).ThenBy(g => g.Topic, StringComparer.Ordinal).ThenBy(g => g.Id, StringComparer.Ordinal)],
            positions, unchanged, left.Scenario, left.Seed, right.Scenario, right.Seed, ModelOf(left), ModelOf(right))
        {
            Forecasts = [.. (left.Forecast?.Keys ?? []).Concat(right.Forecast?.Keys ?? []).Distinct().Order(StringComparer.Ordinal)
                .Select(t => new ForecastDiff(t, ForecastOn(left, t), ForecastOn(right, t)))],
        };
    }

    // A side that forecast other topics (a run of another world) has no forecast on this one: null, not 0.
    private static double? ForecastOn(StateDocument side, string topic) =>
        side.Forecast is { } forecast && forecast.TryGetValue(topic, out var value) ? value : null;

    /// <summary>
    /// How many agreements (each counted once, however many topics its terms cover) were gained, lost
    /// or changed; an agreement that both changed on one topic and was gained or lost counts as the latter.
    /// </summary>
    public int AgreementsWith(string change) =>
        Agreements.GroupBy(g => g.Id, StringComparer.Ordinal)
            .Count(g => (g.Any(r => r.Change == "gained") ? "gained" : g.Any(r => r.Change == "lost") ? "lost" : "changed") == change);

    /// <summary>How many topic rows the agreements counted by <see cref="AgreementsWith"/> cover.</summary>
    public int TopicsWith(string change) =>
        Agreements.GroupBy(g => g.Id, StringComparer.Ordinal)
            .Where(g => (g.Any(r => r.Change == "gained") ? "gained" : g.Any(r => r.Change == "lost") ? "lost" : "changed") == change)
            .Sum(g => g.Count());

}

using System.Text.Json.Nodes;
using Summits.Model;
using Summits.Reports.Charts;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Runs;

/// <summary>
/// The standard figure of a negotiation analysis: the offers of a run in the utility space of two parties
/// (one axis each), with the Pareto frontier, the Nash and Kalai–Smorodinsky points, the disagreement
/// point (what each party's BATNA, no deal, is worth to it) and the agreement. Drawn for every agreement
/// made in the run and every open table; with more than two parties, for the pair asked for, or by default the two most capable.
/// </summary>
public static class BargainingChart
{
    /// <summary>The pair of parties a case is drawn for: <paramref name="pair"/> when both are its parties, else its two most capable.</summary>
    public static (string X, string Y)? Pair(RunResult run, BargainingCase c, (string, string)? pair)
    {
        var parties = c.Analysis.Parties.Select(p => p.Actor).ToList();
        if (pair is { } asked && parties.Contains(asked.Item1) && parties.Contains(asked.Item2) && asked.Item1 != asked.Item2)
            return asked;
        if (parties.Count < 2)
            return null;
        var ranked = parties.OrderByDescending(p => run.Final.Actor(p).Capability).ThenBy(p => p, StringComparer.Ordinal).ToList();
        return (ranked[0], ranked[1]);
    }

    /// <summary>The cases a report draws: the agreements the run made, then the open tables, each with a search space of one or more topics.</summary>
    public static IReadOnlyList<BargainingCase> Cases(RunResult run)
    {
        var seeded = run.Start.Agreements.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return [.. run.Bargaining().Where(c => c.Analysis.Topics.Length > 0 && (c.Agreement is null || !seeded.Contains(c.Id)))];
    }

    /// <summary>
    /// Every offer of the run on the case's topics (proposals and counter-offers whose terms name them all),
    /// as the two parties' utilities with their final positions.
    /// </summary>
    public static IReadOnlyList<(double X, double Y, TimelineEvent Event)> Offers(RunResult run, BargainingCase c, (string X, string Y) pair)
    {
        var px = c.Analysis.Parties.First(p => p.Actor == pair.X);
        var py = c.Analysis.Parties.First(p => p.Actor == pair.Y);
        var offers = new List<(double, double, TimelineEvent)>();
        foreach (var e in run.Timeline)
        {
            if (e.Kind is not (EventKind.Proposal or EventKind.Counter) || e.Terms is not { } terms)
                continue;
            var values = terms.ToDictionary(t => t.Topic, t => t.Value);
            if (!c.Analysis.Topics.All(values.ContainsKey))
                continue;
            offers.Add((px.Utility(values), py.Utility(values), e));
        }
        return offers;
    }

    public static ChartFigure Render(RunResult run, BargainingCase c, (string X, string Y) pair)
    {
        var a = c.Analysis;
        var ix = a.Parties.IndexOf(a.Parties.First(p => p.Actor == pair.X));
        var iy = a.Parties.IndexOf(a.Parties.First(p => p.Actor == pair.Y));
        var topics = string.Join(" + ", a.Topics);
        string Terms(IReadOnlyDictionary<string, double> terms) => string.Join(", ", terms.Select(t => $"{t.Key} {Number(t.Value)}"));
        string At(double x, double y) => $"{pair.X} {Number(x)}, {pair.Y} {Number(y)}";

        var chart = new Chart($"bargaining-{c.Id}", c.Agreement is null ? $"Open table {c.Id}" : $"Agreement {c.Id}")
        {
            Subtitle = $"over {topics}: the parties' utilities at their final positions",
            Height = 460,
            XAxis = Scaled(Chart.ValueAxis($"utility of {pair.X}")),
            YAxis = Scaled(Chart.ValueAxis($"utility of {pair.Y}", vertical: true), showMin: false),
        };
        chart.Add(new JsonObject
        {
            ["name"] = "Pareto frontier",
            ["type"] = "line",
            ["color"] = "#555",
            ["symbol"] = "none",
            ["lineStyle"] = new JsonObject { ["width"] = 2 },
            ["data"] = new JsonArray([.. a.Frontier
                .Select(f => (X: f.Utilities[ix], Y: f.Utilities[iy], f.Terms))
                .OrderBy(f => f.X).ThenByDescending(f => f.Y)
                .Select(f => (JsonNode?)Chart.Point(new JsonArray(f.X, f.Y), $"Pareto-optimal: {Terms(f.Terms)} ({At(f.X, f.Y)})"))]),
        });
        // The offers are drawn last and on top: an offer often sits exactly where a larger mark does (a proposal
        // accepted as made is the agreement itself), and under it would not be seen. With no offer on these
        // topics there is no series, so the legend names none.
        var offers = Offers(run, c, pair);
        chart.Add(Marks("BATNA (no deal)", "rect", 12, "#C00000",
            [(a.Disagreement[ix], a.Disagreement[iy], $"BATNA (no deal): {At(a.Disagreement[ix], a.Disagreement[iy])}")]));
        chart.Add(Marks(a.Nash.Length > 1 ? "Nash points (not unique)" : "Nash point", "diamond", 15, "#009E73",
            a.Nash.Select(n => (n.Utilities[ix], n.Utilities[iy], $"Nash: {Terms(n.Terms)} ({At(n.Utilities[ix], n.Utilities[iy])})"))));
        if (a.KalaiSmorodinsky is { } ks)
            chart.Add(Marks("Kalai–Smorodinsky point", "triangle", 14, "#E69F00",
                [(ks.Utilities[ix], ks.Utilities[iy], $"Kalai–Smorodinsky: {Terms(ks.Terms)} ({At(ks.Utilities[ix], ks.Utilities[iy])})")]));
        if (c.Agreement is { } g)
        {
            var u = a.Utilities(g.Terms);
            // The reason goes under the terms, a clause a line: it says when the terms are the midpoint of
            // crossed offers, which is why the agreement need not sit on any offer drawn.
            chart.Add(Marks("agreement", "circle", 16, "#CC79A7", [(u[ix], u[iy], $"{g.Id}: {Terms(g.Terms)} ({At(u[ix], u[iy])})\n{g.Why.Replace("; ", "\n", StringComparison.Ordinal)}")]));
        }
        if (offers.Count > 0)
            chart.Add(Marks("offers", "circle", 7, Palette.Color(0),
                offers.Select(o => (o.X, o.Y, $"{o.Event.Kind.ToString().ToLowerInvariant()} by {o.Event.Actor} ({o.Event.Cause}): {At(o.X, o.Y)}")), z: 6));
        return chart.Build();
    }

    /// <summary>
    /// An axis fitted to the values drawn, with a margin, rather than reaching down to zero: utilities cluster far from it.
    /// Without <paramref name="showMin"/> the lowest tick label is left out, where it would meet the other axis's at the corner.
    /// </summary>
    private static JsonObject Scaled(JsonObject axis, bool showMin = true)
    {
        axis["scale"] = true;
        // A margin beyond the values drawn, so that no point (the BATNA's worth is often the lowest on
        // both axes) sits on an axis line or in the corner, and the frontier does not run along the top.
        axis["boundaryGap"] = new JsonArray("8%", "8%");
        if (!showMin)
            axis["axisLabel"]!["showMinLabel"] = false;
        return axis;
    }

    /// <summary>A scatter series of marks; <paramref name="z"/> above the frontier line (2), higher to be drawn over other marks.</summary>
    private static JsonObject Marks(string name, string symbol, int size, string color, IEnumerable<(double X, double Y, string Tip)> marks, int z = 5) => new()
    {
        ["name"] = name,
        ["type"] = "scatter",
        ["symbol"] = symbol,
        ["symbolSize"] = size,
        ["color"] = color,
        ["z"] = z,
        ["data"] = new JsonArray([.. marks.Select(m => (JsonNode?)Chart.Point(new JsonArray(m.X, m.Y), m.Tip))]),
    };
}

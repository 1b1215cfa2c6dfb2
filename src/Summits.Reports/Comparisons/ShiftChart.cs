using System.Text.Json.Nodes;
using Summits.Reports.Charts;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Comparisons;

/// <summary>The positions that ended elsewhere in B than in A, largest move first: a row per position, from A's value (hollow) to B's (filled).</summary>
public static class ShiftChart
{
    /// <summary>Above this many moved positions the chart shows the largest moves and says how many it left to the table.</summary>
    public const int MostShown = 40;
    private const string ColorA = "#0072B2";
    private const string ColorB = "#D55E00";

    public static ChartFigure Render(Comparison comparison)
    {
        var moved = comparison.Positions.Length;
        var rows = comparison.Positions.Where(p => p.B is not null).Take(MostShown).ToList();
        var values = rows.SelectMany(r => new[] { r.A, r.B }).OfType<double>().DefaultIfEmpty(50).ToList();
        var pad = Math.Max(2, (values.Max() - values.Min()) * 0.08);
        var onlyInA = comparison.Positions.Count(p => p.B is null);
        var title = rows.Count == moved ? $"Positions that moved, A → B (all {moved})"
            : $"Positions that moved, A → B (the {rows.Count} largest of {moved} moves; all in the table)";
        var chart = new Chart("position-shifts", title)
        {
            Subtitle = $"A: {comparison.A}, seed {comparison.SeedA} · B: {comparison.B}, seed {comparison.SeedB}"
                + (onlyInA > 0 ? $" · {Counted.Of(onlyInA, "position")} held only in A {(onlyInA == 1 ? "is" : "are")} in the table" : ""),
            Height = 170 + 28 * Math.Max(1, rows.Count),
            RightMargin = 60,
            XAxis = Chart.PositionAxis("final position (0–100 scale)", values.Min() - pad, values.Max() + pad),
            YAxis = Chart.CategoryAxis("topic / actor", rows.Select(r => $"{r.Topic} / {r.Actor}  {Change(r)}"), vertical: true),
        };
        var both = rows.Select((r, i) => (r, i)).Where(x => x.r.A is not null).ToList();
        chart.Add(new JsonObject
        {
            ["name"] = "move",
            ["type"] = "custom",
            ["renderItem"] = "fn:segment",
            ["color"] = "#888",
            [Chart.OutOfLegend] = true,
            ["silent"] = true,
            ["encode"] = new JsonObject { ["x"] = new JsonArray(0, 1), ["y"] = 2 },
            ["data"] = new JsonArray([.. both.Select(x => (JsonNode?)new JsonArray(x.r.A!.Value, x.r.B!.Value, x.i))]),
        });
        chart.Add(Points($"A: {comparison.A}", "#fff", ColorA, both.Select(x => (x.i, x.r.A!.Value, Tip(x.r)))));
        chart.Add(Points($"B: {comparison.B}", ColorB, ColorB, rows.Select((r, i) => (i, r.B!.Value, Tip(r)))));
        return chart.Build();
    }

    private static string Change(Comparison.PositionDiff p) => p.A is { } a ? $"({SignedChange(a, p.B!.Value)})" : "(new in B)";

    private static string Tip(Comparison.PositionDiff p) => p.A is { } a
        ? $"{p.Actor} on {p.Topic}: {Number(a)} → {Number(p.B!.Value)} ({SignedChange(a, p.B!.Value)})"
        : $"{p.Actor} on {p.Topic}: none in A, {Number(p.B!.Value)} in B";

    private static JsonObject Points(string name, string fill, string stroke, IEnumerable<(int Row, double Value, string Tip)> points) => new()
    {
        ["name"] = name,
        ["type"] = "scatter",
        ["symbol"] = "circle",
        ["symbolSize"] = 11,
        ["color"] = stroke,
        ["itemStyle"] = new JsonObject { ["color"] = fill, ["borderColor"] = stroke, ["borderWidth"] = 2 },
        ["z"] = 5,
        ["data"] = new JsonArray([.. points.Select(p => (JsonNode?)Chart.Point(new JsonArray(p.Value, p.Row), p.Tip))]),
    };
}

using System.Text.Json.Nodes;
using Summits.Reports.Charts;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Studies;

/// <summary>
/// Per topic, how the actors' final positions spread over a study's runs: side-by-side bars per actor
/// over bins the topic's actors share, with each actor's seeded value as a dashed line of its colour.
/// </summary>
public static class PositionHistogramChart
{
    /// <summary>Topics on which at least one run moved at least one position, in the world's order.</summary>
    public static IReadOnlyList<string> Topics(StudyResult study) =>
        [.. study.Positions.Where(p => p.Runs > 0 && p.Moved > 0).Select(p => p.Topic).Distinct()];

    /// <summary>Topics with positions that no run moved: their final values are only the sampled or seeded ones.</summary>
    public static IReadOnlyList<string> Unmoved(StudyResult study) =>
        [.. study.Positions.Select(p => p.Topic).Distinct().Except(Topics(study))];

    public static ChartFigure Render(StudyResult study, string topic)
    {
        var positions = study.Positions.Where(p => p.Topic == topic && p.Runs > 0).ToList();
        var edges = positions.SelectMany(p => p.Histogram).SelectMany(b => new[] { b.Low, b.High }).Concat(positions.Select(p => p.Start)).ToList();
        var top = positions.SelectMany(p => p.Histogram).Select(b => b.Count).DefaultIfEmpty(1).Max();
        var chart = new Chart($"histogram-{topic}", $"Final positions on {topic} over {Counted.Of(study.Finished, "run")}")
        {
            Subtitle = $"{study.Scenario}, seed {study.Seed}; bars of one bin side by side, one colour per actor",
            Height = 380,
            XAxis = Chart.PositionAxis("final position (0–100 scale)", edges.Min(), edges.Max()),
            YAxis = Chart.ValueAxis("runs", 0, null, vertical: true),
        };
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            var name = $"{p.Actor}: mean {Number(p.Mean)}, 90% in [{Number(p.P5)}, {Number(p.P95)}], moved in {Counted.Of(p.Moved, "run")}";
            chart.Add(new JsonObject
            {
                ["name"] = name,
                ["type"] = "custom",
                ["renderItem"] = "fn:bin",
                ["color"] = Palette.Color(i),
                ["encode"] = new JsonObject { ["x"] = new JsonArray(0, 1), ["y"] = 2 },
                ["data"] = new JsonArray([.. p.Histogram.Where(b => b.Count > 0).Select(b => (JsonNode?)Chart.Point(
                    new JsonArray(b.Low, b.High, b.Count, i, positions.Count),
                    $"{p.Actor}: {Counted.PartOf(b.Count, p.Runs, "run")} ended in [{Number(b.Low)}, {Number(b.High)})"))]),
                ["markLine"] = new JsonObject
                {
                    ["symbol"] = "none",
                    ["silent"] = false,
                    ["label"] = new JsonObject { ["show"] = false },
                    ["lineStyle"] = new JsonObject { ["type"] = "dashed", ["color"] = Palette.Color(i), ["width"] = 1.5 },
                    ["data"] = new JsonArray(new JsonObject { ["xAxis"] = p.Start, [Chart.Tip] = $"{p.Actor} seeded at {Number(p.Start)}" }),
                },
            });
        }
        return chart.Build();
    }
}

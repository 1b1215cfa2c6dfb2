using Summits.Scenarios;
using static Summits.Cli.Reports.SvgChart;

namespace Summits.Cli.Reports;

/// <summary>Per topic, how the actors' final positions spread over a study's runs: one histogram per actor, with its starting value dashed.</summary>
public static class PositionHistogramChart
{
    /// <summary>Topics on which at least one final position varied over the runs.</summary>
    public static IReadOnlyList<string> Topics(StudyResult study) =>
        [.. study.Positions.Where(p => p.Runs > 0 && p.Max - p.Min > 1e-9).Select(p => p.Topic).Distinct()];

    public static string Render(StudyResult study, string topic)
    {
        var positions = study.Positions.Where(p => p.Topic == topic && p.Runs > 0).ToList();
        var low = positions.Min(p => Math.Min(p.Min, p.Start));
        var high = positions.Max(p => Math.Max(p.Max, p.Start));
        var pad = Math.Max(1, (high - low) * 0.05);
        var top = positions.SelectMany(p => p.Histogram).Select(b => b.Count).DefaultIfEmpty(1).Max();
        var chart = new SvgChart($"histogram-{topic}", $"Final positions on {topic} over {study.Finished} runs", 1100, 360, top: 84);
        chart.Domain(Math.Max(0, low - pad), Math.Min(100, high + pad), 0, top * 1.1);
        chart.XAxis("final position on the 0–100 scale");
        chart.YAxis("runs");
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            var color = Color(i);
            foreach (var bin in p.Histogram)
            {
                var x = chart.X(bin.Low);
                var w = Math.Max(2, chart.X(bin.High) - x);
                var y = chart.Y(bin.Count);
                chart.Add(Fmt($"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{chart.Bottom - y:0.#}\" fill=\"{color}\" fill-opacity=\"0.55\" stroke=\"{color}\"><title>{Escape($"{p.Actor}: {bin.Count} runs in [{Number(bin.Low)}, {Number(bin.High)}]")}</title></rect>"));
            }
            chart.Polyline([(p.Start, 0), (p.Start, top * 1.1)], color, 1.5, dashed: true, title: $"{p.Actor} started at {Number(p.Start)}");
            chart.LegendBox($"{p.Actor}: mean {Number(p.Mean)}, 90% in [{Number(p.P5)}, {Number(p.P95)}]", color, 0.55);
        }
        chart.LegendLine("seeded value", "#444", dashed: true);
        return chart.Render();
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Summits.Reports.Charts;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Runs;

/// <summary>
/// KTAB's position-history plot of one dimension of a spatial-model run: KTAB's forecast after each turn
/// (each position weighted by the probability that it prevails) as a heavy black line, the capability ×
/// salience weighted mean as a dashed one, both first in the legend so a long legend never pages them
/// away, then one line per actor across the turns (turn 0 is the table as given).
/// </summary>
public static class SmpPositionsChart
{
    /// <summary>The name of the forecast's series.</summary>
    public const string Forecast = "forecast (probability-weighted)";

    /// <summary>The name of the weighted mean's series.</summary>
    public const string WeightedMean = "weighted mean (capability × salience)";

    /// <summary>The chart's id for dimension <paramref name="dimension"/>: <c>smp-positions-TOPIC</c>.</summary>
    public static string Id(SmpHistory history, int dimension) => $"smp-positions-{history.Start.Dimensions[dimension]}";

    /// <summary>The turns as the x axis names them: "0", "1", ….</summary>
    public static IReadOnlyList<string> Turns(SmpHistory history) =>
        [.. history.Turns.Select(t => t.Number.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The chart of dimension <paramref name="dimension"/> (an index into <c>history.Start.Dimensions</c>).</summary>
    public static ChartFigure Render(SmpHistory history, int dimension, string subtitle)
    {
        var turns = Turns(history);
        var name = history.Columns[dimension];
        var forecast = history.Turns.Select(t => t.Forecast[dimension]).ToList();
        var means = Enumerable.Range(0, history.Turns.Length).Select(t => history.WeightedMean(t, dimension)).ToList();
        var values = history.Turns.SelectMany(t => t.Positions.Select(p => p[dimension])).Concat(forecast).Concat(means).ToList();
        var (low, high) = (values.Min(), values.Max());
        var pad = Math.Max(2, (high - low) * 0.05);
        var chart = new Chart(Id(history, dimension), $"Positions on {name}, turn by turn")
        {
            Subtitle = subtitle,
            Height = 460,
            ZoomX = turns.Count > 40,
            TooltipByAxis = true,
            XAxis = Chart.CategoryAxis("turn (0: the table as given)", turns),
            YAxis = Chart.PositionAxis("position (0–100 scale)", low - pad, high + pad, vertical: true),
        };
        chart.Add(new JsonObject
        {
            ["name"] = Forecast,
            ["type"] = "line",
            ["color"] = "#000000",
            ["symbol"] = "diamond",
            ["symbolSize"] = 8,
            ["z"] = 5,
            ["lineStyle"] = new JsonObject { ["width"] = 3.5 },
            ["data"] = new JsonArray([.. forecast.Select((v, n) => (JsonNode?)Chart.Point(v, $"forecast on {name} at turn {n}: {Number(v)}"))]),
        });
        chart.Add(new JsonObject
        {
            ["name"] = WeightedMean,
            ["type"] = "line",
            ["color"] = "#AA55AA",
            ["symbol"] = "none",
            ["z"] = 4,
            ["lineStyle"] = new JsonObject { ["type"] = "dashed", ["width"] = 2 },
            ["data"] = new JsonArray([.. means.Select((v, n) => (JsonNode?)Chart.Point(v, $"weighted mean on {name} at turn {n}: {Number(v)}"))]),
        });
        for (var i = 0; i < history.Start.Actors.Length; i++)
        {
            var actor = history.Start.Actors[i];
            chart.Add(new JsonObject
            {
                ["name"] = actor,
                ["type"] = "line",
                ["color"] = ActorColor(i),
                ["symbolSize"] = 4,
                ["showSymbol"] = Dots(history),
                ["lineStyle"] = new JsonObject { ["width"] = 1.5 },
                ["data"] = new JsonArray([.. history.Turns.Select((t, n) => (JsonNode?)Chart.Point(t.Positions[i][dimension],
                    $"{actor} on {name} at turn {n}: {Number(t.Positions[i][dimension])}"))]),
            });
        }
        return chart.Build();
    }

    /// <summary>The colour of actor <paramref name="index"/>: the palette without its black, which the forecast's line keeps for itself.</summary>
    public static string ActorColor(int index) => Palette.Colors[index % (Palette.Colors.Length - 1)];

    /// <summary>A dot on every turn while the lines stay few and short enough to read them; hover shows each value either way.</summary>
    public static bool Dots(SmpHistory history) => history.Turns.Length <= 31 && history.Start.Actors.Length <= 12;
}

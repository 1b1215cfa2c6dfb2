using System.Text.Json.Nodes;
using Summits.Reports.Charts;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Runs;

/// <summary>
/// KTAB's history of the actors' winning probabilities: for each actor, the probability (0..1) that its
/// position prevails in the probabilistic Condorcet election of all positions, at each turn of a
/// spatial-model run. Actors at one position share its probability, so their lines coincide.
/// </summary>
public static class SmpProbabilityChart
{
    public const string Id = "smp-probabilities";

    public static ChartFigure Render(SmpHistory history, string subtitle)
    {
        var turns = SmpPositionsChart.Turns(history);
        var chart = new Chart(Id, "Probability that each actor's position prevails, turn by turn")
        {
            Subtitle = subtitle,
            Height = 440,
            ZoomX = turns.Count > 40,
            TooltipByAxis = true,
            XAxis = Chart.CategoryAxis("turn (0: the table as given)", turns),
            YAxis = Chart.ValueAxis("probability of prevailing (0–1)", 0, 1, vertical: true),
        };
        for (var i = 0; i < history.Start.Actors.Length; i++)
        {
            var actor = history.Start.Actors[i];
            chart.Add(new JsonObject
            {
                ["name"] = actor,
                ["type"] = "line",
                ["color"] = SmpPositionsChart.ActorColor(i),
                ["symbolSize"] = 4,
                ["showSymbol"] = SmpPositionsChart.Dots(history),
                ["lineStyle"] = new JsonObject { ["width"] = 1.5 },
                ["data"] = new JsonArray([.. history.Turns.Select((t, n) => (JsonNode?)Chart.Point(t.WinProbabilities[i],
                    $"{actor} at turn {n}: {Percent(t.WinProbabilities[i])}"))]),
            });
        }
        return chart.Build();
    }
}

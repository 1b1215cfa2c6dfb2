using System.Text.Json.Nodes;
using Summits.Reports.Charts;
using Summits.Reports.Runs;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Reports.Tests;

/// <summary>What hovering an agreement in the bargaining figure says (charts.js shows each "\n" as a line break).</summary>
public sealed class BargainingChartTipTests
{
    // The baseline's defence-procurement deal in round 9: the US offered 74.98 when Japan's own offer was
    // already 80.65, so the terms are the midpoint, (74.98 + 80.65) / 2 = 77.815, shown 77.81 (the sum of
    // the unrounded offers is just under). The tip gives the terms, then each clause of the reason on a
    // line of its own: who accepted under which rule, and that the offers had crossed. (Golden: the two
    // offers are read from the run's timeline, `summits run scenarios/what-if/baseline.yaml --format csv`.)
    [Fact]
    public async Task An_agreement_split_from_crossed_offers_says_so_when_hovered()
    {
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "baseline.yaml")));
        var deal = BargainingChart.Cases(run).Single(c => c.Id == "bargain.r9.defense-procurement");

        var figure = BargainingChart.Render(run, deal, BargainingChart.Pair(run, deal, null)!.Value);

        var agreement = figure.Option["series"]!.AsArray().Single(s => (string?)s!["name"] == "agreement")!;
        var tip = (string)agreement["data"]![0]![Chart.Tip]!;
        var lines = tip.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("bargain.r9.defense-procurement: defense-procurement 77.81 (", lines[0]);
        Assert.Equal("accepted by US and JP under unanimity", lines[1]);
        Assert.Equal("the offers had crossed, so the terms are the midpoint of US's 74.98 and JP's 80.65", lines[2]);
    }
}

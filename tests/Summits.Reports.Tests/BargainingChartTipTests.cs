using System.Text.Json.Nodes;
using Summits.Reports.Charts;
using Summits.Reports.Runs;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Reports.Tests;

/// <summary>What hovering an agreement in the bargaining figure says (charts.js shows each "\n" as a line break).</summary>
public sealed class BargainingChartTipTests
{
    // The baseline's defence-procurement deal in round 9: the US offered 74.978696 when Japan's own offer
    // was already 80.649115, so the terms are the midpoint, (74.978696 + 80.649115) / 2 = 77.8139055, shown to
    // four decimals as every figure is: 77.8139, from offers shown 74.9787 and 80.6491. The tip gives the
    // terms, then each clause of the reason on a line of its own: who accepted under which rule, and that the
    // offers had crossed. (Golden: the US's offer and the terms are read from the run's timeline,
    // `summits run scenarios/what-if/baseline.yaml --format csv`; Japan's offer is twice the terms less it.)
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
        Assert.StartsWith("bargain.r9.defense-procurement: defense-procurement 77.8139 (", lines[0]);
        Assert.Equal("accepted by US and JP under unanimity", lines[1]);
        Assert.Equal("the offers had crossed, so the terms are the midpoint of US's 74.9787 and JP's 80.6491", lines[2]);
    }
}

namespace Summits.Reports.Tests;

/// <summary>The standard negotiation figure of a run report, read back from chromium.</summary>
public sealed partial class ReportInBrowserTests
{
    [Fact]
    public async Task The_run_report_plots_the_package_in_the_parties_utilities_with_frontier_reference_points_and_offers()
    {
        var charts = await OpenRunReportAsync("trade-for-defense-package", "run-bargaining");

        // The scenario's one new agreement is the package over two topics between Japan and the US.
        var package = Assert.Single(charts, c => c.Id == "bargaining-package");
        Assert.Equal("Agreement package", package.Title);
        Assert.Contains("defense-procurement + trade-imbalance", package.Subtitle);
        // The US (capability 0.8) on x, Japan (0.45) on y: with two parties, both are drawn.
        Assert.Equal("utility of US", package.XName);
        Assert.Equal("utility of JP", package.YName);
        Assert.Superset(new HashSet<string>(["Pareto frontier", "offers", "BATNA (no deal)", "agreement"]), package.Legend.ToHashSet());
        // The package was proposed once and accepted as proposed: its one offer is the agreement itself, at the
        // same utilities (US 1.159, JP 1.141; see the scenario's comment). Drawn under the larger agreement mark
        // it could not be seen, and the legend's "offers" named nothing visible: it is drawn on top.
        var offers = package.Drawn.Single(s => s.Name == "offers");
        Assert.Equal(1, offers.Data);
        Assert.Equal(1, offers.Visible);
        // Every series the legend names shows something.
        Assert.All(package.Legend, name => Assert.True(package.Drawn.Where(s => s.Name == name).Sum(s => s.Visible) > 0 || package.Drawn.Any(s => s.Name == name && s.Marked),
            $"the legend names '{name}', which shows nothing"));
        Assert.Empty(package.Overlapping());
        // Every point stands clear of the axes: before, the axes ended at the values drawn, so
        // the BATNA point, the lowest on both, sat on the axis line in the chart's corner.
        Assert.All(charts.Where(c => c.Id.StartsWith("bargaining-", StringComparison.Ordinal)).SelectMany(c => c.Drawn.Select(s => (c.Id, s))),
            x => Assert.True(x.s.Inside, $"{x.Id}: a point of '{x.s.Name}' is on or beyond the edge of the plot area"));
    }

    [Fact]
    public async Task A_pair_picks_the_two_parties_a_figure_plots()
    {
        var package = Assert.Single(await OpenRunReportAsync("trade-for-defense-package", "run-bargaining-pair", ("JP", "US")), c => c.Id == "bargaining-package");
        Assert.Equal("utility of JP", package.XName);
        Assert.Equal("utility of US", package.YName);
    }
}

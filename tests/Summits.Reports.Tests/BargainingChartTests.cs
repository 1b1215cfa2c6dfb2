using Summits.Reports.Runs;
using Summits.Scenarios;

namespace Summits.Reports.Tests;

/// <summary>The standard negotiation figure of a run report, read back from chromium.</summary>
public sealed partial class ReportInBrowserTests
{
    [Fact]
    public async Task The_run_report_plots_the_package_in_the_parties_utilities_with_frontier_reference_points_and_offers()
    {
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(Repository.File("scenarios", "what-if", "trade-for-defense-package.yaml")));
        var dir = Directory.CreateTempSubdirectory("summits-report-").FullName;
        RunReportFiles.WriteAll(run, dir);
        var charts = await OpenAsync(dir, "run-bargaining");

        // The scenario's one new agreement is the package over two topics between Japan and the US.
        var package = Assert.Single(charts, c => c.Id == "bargaining-package");
        Assert.Equal("Agreement package", package.Title);
        Assert.Contains("defense-procurement + trade-imbalance", package.Subtitle);
        // The US (capability 0.8) on x, Japan (0.45) on y: with two parties, both are drawn.
        Assert.Equal("utility of US", package.XName);
        Assert.Equal("utility of JP", package.YName);
        Assert.Contains("Pareto frontier", package.Legend);
        Assert.Contains("offers", package.Legend);
        Assert.Contains("reservation point (no deal)", package.Legend);
        Assert.Contains("agreement", package.Legend);
        // The package was proposed once and answered (a proposal and counter-offers on both topics).
        Assert.True(package.Drawn.Single(s => s.Name == "offers").Data >= 1);
        Assert.Empty(package.Overlapping());
    }

    [Fact]
    public async Task A_pair_picks_the_two_parties_a_figure_plots()
    {
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(Repository.File("scenarios", "what-if", "trade-for-defense-package.yaml")));
        var dir = Directory.CreateTempSubdirectory("summits-report-").FullName;
        RunReportFiles.WriteAll(run, dir, ("JP", "US"));
        var package = Assert.Single(await OpenAsync(dir, "run-bargaining-pair"), c => c.Id == "bargaining-package");
        Assert.Equal("utility of JP", package.XName);
        Assert.Equal("utility of US", package.YName);
    }
}

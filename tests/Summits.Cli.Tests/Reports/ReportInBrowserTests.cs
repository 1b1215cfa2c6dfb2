using System.Text.RegularExpressions;
using Summits.Cli.Reports;
using Summits.Scenarios;
using Xunit.Abstractions;

namespace Summits.Cli.Tests;

public sealed partial class ReportInBrowserTests(ITestOutputHelper output)
{
    private static string Artefacts => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "reports")).FullName;

    [Fact]
    public async Task The_run_report_shows_a_trajectory_per_touched_topic_and_the_agreement_timeline()
    {
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(Repository.File("scenarios", "what-if", "okinawa-realignment-friction.yaml")));
        var dir = Directory.CreateTempSubdirectory("summits-report-").FullName;
        RunReportFiles.WriteAll(run, dir);
        var expected = TrajectoryChart.Topics(run).Select(t => $"trajectory-{t}").Append("agreement-timeline").ToArray();
        Assert.Contains("trajectory-usfj-realignment", expected);
        await AssertRendersAsync(dir, "run", expected);
        Assert.StartsWith("topic,actor,event,value\n", File.ReadAllText(Path.Combine(dir, "trajectories.csv")));
        Assert.Contains("| usfj-realignment-okinawa |", File.ReadAllText(Path.Combine(dir, "report.md")));
    }

    [Fact]
    public async Task The_whatif_report_shows_agreement_odds_histograms_and_sensitivities()
    {
        var loaded = ScenarioFile.Load(Repository.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(120, 42, 4, Engine.Local), SampleRuns.Local);
        var dir = Directory.CreateTempSubdirectory("summits-report-").FullName;
        StudyReport.WriteAll(study, dir);
        var expected = PositionHistogramChart.Topics(study).Select(t => $"histogram-{t}").Append("agreement-odds").Append("sensitivity").ToArray();
        Assert.Contains("histogram-bilateral-fta", expected);
        await AssertRendersAsync(dir, "whatif", expected);
        foreach (var csv in new[] { "agreements.csv", "positions.csv", "sensitivity.csv" })
            Assert.True(File.Exists(Path.Combine(dir, csv)), csv);
    }

    [Fact]
    public async Task The_compare_report_shows_the_positions_that_moved()
    {
        var path = Repository.File("scenarios", "what-if", "us-fta-press-or-package.yaml");
        var a = await ScenarioRun.LocallyAsync(BranchChoice.Load(path + "#press-fta", null, null, p => p));
        var b = await ScenarioRun.LocallyAsync(BranchChoice.Load(path + "#offer-package", null, null, p => p));
        var comparison = Comparison.Of("press-fta", StateDocument.Of(a), "offer-package", StateDocument.Of(b));
        var dir = Directory.CreateTempSubdirectory("summits-report-").FullName;
        CompareReport.WriteAll(comparison, dir);
        await AssertRendersAsync(dir, "compare", ["position-shifts"]);
        Assert.Contains("gained,package,bilateral-fta", File.ReadAllText(Path.Combine(dir, "agreements.csv")));
    }

    /// <summary>Opens report.html in headless chromium: no script error, every expected chart in the DOM with a title, axes and a legend; saves a screenshot.</summary>
    private async Task AssertRendersAsync(string dir, string name, IReadOnlyCollection<string> charts)
    {
        var page = Path.Combine(dir, "report.html");
        var html = File.ReadAllText(page);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalResource(), html);

        var (dom, log) = await ChromiumBrowser.DumpDomAsync(page);
        Assert.DoesNotContain("Uncaught", log);
        Assert.DoesNotMatch(ConsoleError(), log);
        var found = ChartIds().Matches(dom).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(charts.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        foreach (var svg in SvgElements().Matches(dom).Select(m => m.Value))
        {
            Assert.Contains("<title>", svg);
            Assert.Contains("class=\"label\"", svg);
            Assert.Contains("class=\"legend\"", svg);
        }

        var png = Path.Combine(Artefacts, $"{name}-report.png");
        File.Delete(png);
        var screenshotLog = await ChromiumBrowser.ScreenshotAsync(page, png);
        Assert.True(File.Exists(png) && new FileInfo(png).Length > 10_000, $"no screenshot at {png}: {screenshotLog}");
        Assert.DoesNotContain("Uncaught", screenshotLog);
        output.WriteLine($"screenshot of the {name} report: {png}");
    }

    [GeneratedRegex("<svg[^>]*data-chart=\"([^\"]+)\"")]
    private static partial Regex ChartIds();

    [GeneratedRegex("<svg[^>]*data-chart=.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElements();

    [GeneratedRegex("(src|href)=\"(https?:)?//")]
    private static partial Regex ExternalResource();

    [GeneratedRegex(@":CONSOLE[:(]")]
    private static partial Regex ConsoleError();
}

using System.Globalization;
using Summits.Model;
using Summits.Reports.Comparisons;
using Summits.Reports.Runs;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Reports.Tests;

/// <summary>The spatial model's forecast in the run report and in a comparison.</summary>
public sealed class SmpReportTests
{
    private static string ThreeDim => SeedFiles.File("scenarios", "worlds", "dummy-3dim.yaml");

    [Fact]
    public async Task The_run_report_gives_the_forecast_of_every_topic_before_the_first_turn_and_after_the_last()
    {
        var run = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 0, ForecastModel.Smp));

        var md = RunReportFiles.Markdown(run);
        var html = RunReportFiles.Html(run);

        Assert.Contains("## Forecast of KTAB's spatial model", md);
        // KTAB's smpc takes 10 turns on dummyData_3Dim.csv and forecasts 78.3, 34.4 and 72.8 (reference/forecasts.csv).
        Assert.Contains("after the last of 10 turns", md);
        var section = md[md.IndexOf("## Forecast", StringComparison.Ordinal)..md.IndexOf("## Agreements", StringComparison.Ordinal)];
        var expected = new Dictionary<string, double> { ["dimension-1"] = 78.3, ["dimension-2"] = 34.4, ["dimension-3"] = 72.8 };
        foreach (var (topic, ktab) in expected)
        {
            var row = section.Split('\n').Single(l => l.StartsWith($"| {topic} |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
            Assert.Equal(ktab, double.Parse(row[3], CultureInfo.InvariantCulture), 0.15);
        }
        Assert.Matches("<h2>Forecast of KTAB(&#39;|&#x27;|')s spatial model</h2>", html);
        // A bargaining run has no forecast to show.
        Assert.DoesNotContain("Forecast of KTAB", RunReportFiles.Markdown(await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 5, 0))));
    }

    [Fact]
    public async Task A_comparison_shows_each_sides_forecast_and_none_where_a_side_has_none()
    {
        var smp = StateDocument.Of(await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 0, ForecastModel.Smp)));
        var early = StateDocument.Of(await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 1, 0, ForecastModel.Smp)));
        var bargaining = StateDocument.Of(await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 5, 0)));

        var comparison = Comparison.Of("one-turn", early, "converged", smp);
        var againstNone = Comparison.Of("bargaining", bargaining, "converged", smp);

        Assert.Equal(["dimension-1", "dimension-2", "dimension-3"], comparison.Forecasts.Select(f => f.Topic));
        Assert.All(comparison.Forecasts, f => Assert.Equal(smp.Forecast![f.Topic], f.B));
        Assert.All(comparison.Forecasts, f => Assert.Equal(early.Forecast![f.Topic], f.A));
        Assert.Contains("## Forecast of KTAB's spatial model", CompareReport.Markdown(comparison));
        var row = CompareReport.ForecastRows(againstNone).First();
        Assert.Equal("none", row[1]);
        Assert.Equal("", row[3]);
        Assert.Empty(Comparison.Of("a", bargaining, "b", bargaining).Forecasts);
        Assert.DoesNotContain("Forecast of KTAB", CompareReport.Markdown(Comparison.Of("a", bargaining, "b", bargaining)));
    }
}

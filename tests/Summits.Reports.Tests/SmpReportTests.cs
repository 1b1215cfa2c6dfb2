using System.Globalization;
using Summits.Model;
using Summits.Reports.Comparisons;
using Summits.Reports.Runs;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Reports.Tests;

/// <summary>The spatial model's report: its forecast, its turns, its CSVs, and none of the bargaining model's sections.</summary>
public sealed class SmpReportTests
{
    private static string ThreeDim => SeedFiles.File("scenarios", "worlds", "dummy-3dim.yaml");

    /// <summary>Headings and words that belong to the bargaining model's report alone.</summary>
    public static readonly string[] BargainingOnly =
        ["Agreements", "Reference points at the end", "Bargaining, in the parties' utilities", "Positions, topic by topic", "Nash", "Pareto", "Kalai", "offer"];

    [Fact]
    public async Task The_run_report_sets_the_final_forecast_against_the_starting_weighted_mean()
    {
        var run = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 0, ForecastModel.Smp));

        var md = RunReportFiles.Markdown(run);
        var html = RunReportFiles.Html(run);

        Assert.Contains("## Forecast of KTAB's spatial model", md);
        var section = md[md.IndexOf("## Forecast of", StringComparison.Ordinal)..md.IndexOf("## Forecast and positions", StringComparison.Ordinal)];
        // KTAB's smpc takes 10 turns on dummyData_3Dim.csv.
        Assert.Contains("| topic | table column | weighted mean at the start | forecast at the start | forecast after turn 10 | forecast − weighted mean at the start |", section);
        // Weighted means by hand from dummyData_3Dim.csv, Σ power·salience·position / Σ power·salience over
        // its 7 rows: 78.783686, 47.599714, 52.322561, shown to four decimals as every figure is: 78.7837, 47.5997,
        // 52.3226; KTAB's forecasts 78.3, 34.4, 72.8 (reference/forecasts.csv).
        var expected = new (string Topic, string Column, double Mean, double Ktab)[]
        {
            ("dimension-1", "Pstn1", 78.7837, 78.3), ("dimension-2", "Pstn2", 47.5997, 34.4), ("dimension-3", "Pstn3", 52.3226, 72.8),
        };
        foreach (var (topic, column, mean, ktab) in expected)
        {
            var row = section.Split('\n').Single(l => l.StartsWith($"| {topic} |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
            Assert.Equal(column, row[2]);
            Assert.Equal(mean, Parse(row[3]));
            Assert.Equal(ktab, Parse(row[5]), 0.15);
            // The change is the difference of the two numbers as printed.
            Assert.Equal(Math.Round(Parse(row[5]) - Parse(row[3]), 4), Parse(row[6]));
        }
        Assert.Matches("<h2>Forecast of KTAB(&#39;|&#x27;|')s spatial model</h2>", html);
        // A bargaining run has no forecast to show.
        Assert.DoesNotContain("Forecast of KTAB", RunReportFiles.Markdown(await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 5, 0))));
    }

    [Fact]
    public async Task The_markdown_gives_the_forecast_at_every_turn_and_each_actors_chance_at_the_start_and_the_end()
    {
        var run = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 0, ForecastModel.Smp));
        var history = SmpHistory.Of(run)!;

        var lines = RunReportFiles.Markdown(run).Split('\n');

        // One row per turn, 0 to 10, one column per dimension named as the table heads it.
        Assert.Contains("| turn | Pstn1 | Pstn2 | Pstn3 |", lines);
        var last = lines.Single(l => l.StartsWith("| 10 |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        var state = StateDocument.Of(run).Forecast!;
        // Each forecast to four decimals, rounded half away from zero, as every figure is shown.
        Assert.Equal([Four(state["dimension-1"]), Four(state["dimension-2"]), Four(state["dimension-3"])],
            last[2..5].Select(Parse).ToArray());
        Assert.Contains(lines, l => l.StartsWith("| 0 (the table) |", StringComparison.Ordinal));
        // KTAB's reference prints SActor-04's winning probability as 0.6001 at turn 0 and 0.1512 at turn 10.
        Assert.Contains("| SActor-04 | 60% | 15.1% |", lines);
        Assert.Equal(history.Start.Actors.Length, lines.Count(l => l.StartsWith("| SActor-", StringComparison.Ordinal) && l.Count(c => c == '|') == 4));
    }

    [Fact]
    public async Task No_bargaining_section_appears_in_a_spatial_model_report_and_each_still_appears_in_a_bargaining_one()
    {
        var smp = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 0, ForecastModel.Smp));
        var bargaining = await ScenarioRun.LocallyAsync(ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "okinawa-realignment-friction.yaml")));

        var md = RunReportFiles.Markdown(smp);
        var html = RunReportFiles.Html(smp);
        foreach (var word in BargainingOnly)
        {
            Assert.DoesNotContain(word, md);
            Assert.DoesNotContain(word, html.Replace(Charts.ChartLibrary.EChartsScript, "").Replace(Charts.ChartLibrary.ChartsScript, ""));
        }
        Assert.Contains("## Agreements", RunReportFiles.Markdown(bargaining));
        Assert.Contains("## Reference points at the end", RunReportFiles.Markdown(bargaining));
        Assert.Contains("<h2>Bargaining, in the parties&#39; utilities</h2>", RunReportFiles.Html(bargaining));
    }

    [Fact]
    public async Task The_report_writes_the_same_spatial_model_csvs_as_the_run_and_the_same_bytes_every_time()
    {
        var root = Directory.CreateTempSubdirectory("summits-smp-report-").FullName;
        try
        {
            var a = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 7, ForecastModel.Smp));
            var b = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 7, ForecastModel.Smp));
            RunFiles.WriteAll(a, Path.Combine(root, "out"));
            RunReportFiles.WriteAll(a, Path.Combine(root, "report-a"));
            RunReportFiles.WriteAll(b, Path.Combine(root, "report-b"));

            // No agreement was seeded or made, so no agreements.csv; trajectories.csv is the bargaining model's. The
            // folder's manifest names the set.
            Assert.Equal([OutputSet.ManifestName, "report.html", "report.md", "smp-positions.csv", "smp-probabilities.csv"],
                Directory.GetFiles(Path.Combine(root, "report-a")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var csv in new[] { "smp-positions.csv", "smp-probabilities.csv" })
                Assert.Equal(File.ReadAllBytes(Path.Combine(root, "out", csv)), File.ReadAllBytes(Path.Combine(root, "report-a", csv)));
            foreach (var file in new[] { "report.html", "report.md", "smp-positions.csv", "smp-probabilities.csv" })
                Assert.Equal(File.ReadAllBytes(Path.Combine(root, "report-a", file)), File.ReadAllBytes(Path.Combine(root, "report-b", file)));
            Assert.StartsWith("actor,dimension,turn-0,", File.ReadAllText(Path.Combine(root, "report-a", "smp-positions.csv")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
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

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static double Four(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}

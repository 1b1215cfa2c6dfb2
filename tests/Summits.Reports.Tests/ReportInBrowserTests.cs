using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PuppeteerSharp;
using Summits.Model;
using Summits.Reports.Comparisons;
using Summits.Reports.Runs;
using Summits.Reports.Studies;
using Summits.Scenarios;
using Xunit.Abstractions;
using Summits.Tests;

namespace Summits.Reports.Tests;

/// <summary>
/// Opens each kind of report in headless chromium and reads what its charts show: titles, axis names
/// with units, legend entries against the series drawn, tick labels, overlapping text; keeps a
/// screenshot of the page and of every chart under TestResults/reports.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReportInBrowserTests(ReportBrowser browser, ITestOutputHelper output) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        if (_page is not null)
            await _page.DisposeAsync();
    }

    private IPage? _page;

    private static string Artefacts => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "reports")).FullName;

    [Fact]
    public async Task The_run_report_charts_positions_and_agreements_by_step_with_a_legend_of_what_is_drawn()
    {
        var charts = await OpenRunReportAsync("okinawa-realignment-friction", "run");

        // The scenario acts on usfj-realignment alone (a shock and two proposals), so one trajectory;
        // the charts of the bargaining section follow (see BargainingChartTests).
        Assert.Equal(["trajectory-usfj-realignment", "agreement-timeline"], charts.Select(c => c.Id).Where(id => !id.StartsWith("bargaining-", StringComparison.Ordinal)));
        var trajectory = charts[0];
        // The x axis is the run's steps: the start, the three named steps, then the three unnamed
        // expect steps, which the scenario loader names step-4, step-5 and step-6.
        Assert.Equal(["start", "local-opposition", "us-reaffirms", "japan-asks-relief", "step-4", "step-5", "step-6"], trajectory.XCategories!);
        Assert.Contains("step", trajectory.XName);
        Assert.Equal("position (0–100 scale)", trajectory.YName);
        // The summit seeded the realignment agreement; the shock moves Japan 21 points from it, more
        // than two windows (2 · 9.5), which breaches it at once (no strain first); the US then accepts
        // Japan's 55, so an agreement is made in the run.
        Assert.Superset(new HashSet<string>(["seeded agreement", "breached", "agreement made", "JP", "US"]), trajectory.Legend.ToHashSet());
        Assert.DoesNotContain("strained", trajectory.Legend);

        // Hovering Japan's point after the shock shows its value there: the shock moves Japan by −25,
        // from the seeded 80 to 55, and every actor's value at that step.
        var tip = await HoverAsync(trajectory.Id, 1, 55);
        Assert.Contains("JP on usfj-realignment after local-opposition: 55 (-25)", tip);
        Assert.Contains("US on usfj-realignment after local-opposition: 72", tip);

        var timeline = charts[1];
        Assert.Equal(["holding", "breached"], timeline.Legend);
        Assert.Equal(trajectory.XCategories, timeline.XCategories);
        Assert.Contains("usfj-realignment-okinawa", timeline.YCategories!);
    }

    /// <summary>
    /// Hovers the chart's first point and zooms its x axis to its first half, as a reader's pointer and the slider do:
    /// the tooltip's text as shown, the x categories before and after (the axis's extent, first and last index shown),
    /// and the kinds of zoom the chart offers.
    /// </summary>
    private const string HoverAndZoom = """
        ((id) => {
          const chart = window.summitsCharts[id];
          const figure = document.querySelector(`figure[data-chart='${id}']`);
          figure.scrollIntoView({ block: 'center' });
          chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
          const tip = [...figure.querySelectorAll('div')].filter(d => getComputedStyle(d).position === 'absolute' && d.innerText.trim() !== '' && getComputedStyle(d).display !== 'none' && getComputedStyle(d).visibility !== 'hidden').map(d => d.innerText).join('\n');
          const before = chart.getModel().getComponent('xAxis', 0).axis.scale.getExtent();
          chart.dispatchAction({ type: 'dataZoom', start: 0, end: 50 });
          const after = chart.getModel().getComponent('xAxis', 0).axis.scale.getExtent();
          return JSON.stringify({ tip, before, after, zooms: (chart.getOption().dataZoom || []).map(z => z.type) });
        })
        """;

    private sealed record Interaction(string Tip, double[] Before, double[] After, string[] Zooms);

    [Fact]
    public async Task A_trajectory_shows_its_values_on_hover_and_zooms_along_its_steps()
    {
        // Interactive where the reader benefits: values on hover and zoom, read from the page chromium
        // drew, not from the chart's options alone.
        await OpenRunReportAsync("baseline", "run-baseline-hover");

        var seen = JsonSerializer.Deserialize<Interaction>(await _page!.EvaluateExpressionAsync<string>($"{HoverAndZoom}('trajectory-north-korea-sanctions')"),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        // Hovering the start shows each actor's value there, as the world seeds it (baseline.yaml's note: Japan 85 and
        // the US 90 on north-korea-sanctions), then the two end lines by name.
        Assert.Equal(
            ["JP on north-korea-sanctions after start: 85", "US on north-korea-sanctions after start: 90", "Nash point at the end (89.9864)", "weighted mean at the end (88.2387)"],
            seen.Tip.Split('\n'));
        // The x axis is the start, ten bargaining rounds and five expect steps: 16 categories, 0 to 15. The chart offers
        // the mouse wheel inside the plot and a slider below it, and zoomed to its first half it shows the start and
        // the rounds up to about half of 15 (ECharts shows whole categories: 0 to 7 or 8).
        Assert.Equal(["inside", "slider"], seen.Zooms);
        Assert.Equal([0, 15], seen.Before);
        Assert.Equal(0, seen.After[0]);
        Assert.InRange(seen.After[1], 7, 8);
    }

    [Fact]
    public async Task The_Nash_point_and_weighted_mean_lines_have_dashed_line_icons_without_a_dot()
    {
        var charts = await OpenRunReportAsync("baseline", "run-baseline");

        // baseline ends with north-korea-sanctions' Nash point at 89.9864 and its weighted mean at 88.2387 (README's -q
        // summary: "mean 88.2387", "Nash north-korea-sanctions 89.9864"; every figure, the Nash point's too, at four
        // decimals). Both are drawn as dashed lines with
        // no dots (#555 and #AA55AA): each icon is three dashes (three filled shapes) at most 3 pixels high, in the
        // line's colour, with no dot; ECharts' own icon for a line series was a line with a circle on it.
        var chart = charts.Single(c => c.Id == "trajectory-north-korea-sanctions");
        foreach (var (name, colour) in new[] { ("Nash point at the end (89.9864)", "#555"), ("weighted mean at the end (88.2387)", "#AA55AA") })
        {
            var icon = chart.Icons.Single(i => i.Name == name);
            Assert.False(icon.HasDot, name);
            Assert.Equal(3, icon.FilledShapes);
            Assert.True(icon.Height <= 3, $"{name}: {icon.Height} pixels high");
            Assert.All(icon.Parts, p => Assert.Equal(colour, p.Fill, ignoreCase: true));
        }
        // The actors' lines are drawn with a dot at each step (the start, ten rounds and the expect steps: under the 30
        // past which dots are left off): their icons keep the dot.
        Assert.True(chart.Icons.Single(i => i.Name == "JP").HasDot);
    }

    [Fact]
    public async Task The_run_report_marks_each_round_of_a_rounds_step_and_the_agreements_made()
    {
        var charts = await OpenRunReportAsync("trade-for-defense-package", "run-package");

        // The package proposal is accepted: an agreement is made on both of its topics, each chart
        // marks it, and neither was seeded, so no "seeded agreement" entry.
        var procurement = charts.Single(c => c.Id == "trajectory-defense-procurement");
        Assert.Contains("agreement made", procurement.Legend);
        Assert.DoesNotContain("seeded agreement", procurement.Legend);
        Assert.Contains("package", procurement.XCategories!);
        Assert.Equal("start", procurement.XCategories![0]);
    }

    [Fact]
    public async Task A_rounds_step_gives_one_x_axis_mark_per_round()
    {
        // us-presses-bilateral-fta: fta-ask, then five rounds of bargain, then package, then three
        // expect steps (step-4 … step-6).
        var charts = await OpenRunReportAsync("us-presses-bilateral-fta", "run-rounds");
        var fta = charts.Single(c => c.Id == "trajectory-bilateral-fta");
        Assert.Equal(["start", "fta-ask", "bargain r1", "bargain r2", "bargain r3", "bargain r4", "bargain r5", "package", "step-4", "step-5", "step-6"],
            fta.XCategories!);
    }

    [Fact]
    public async Task The_whatif_report_charts_the_moved_topics_and_tests_the_sensitivities()
    {
        var (dir, charts) = await OpenWhatIfReportAsync("whatif");

        // The scenario's steps touch three topics: proposals on bilateral-fta and defense-procurement,
        // rounds on bilateral-fta and trade-imbalance. Only those get a histogram; the world's other
        // 13 of 16 topics are named in a note instead.
        Assert.Equal(["agreement-odds", "histogram-trade-imbalance", "histogram-defense-procurement", "histogram-bilateral-fta", "sensitivity"],
            charts.Select(c => c.Id));
        Assert.Contains("13 of 16 topics are not charted", File.ReadAllText(Path.Combine(dir, "report.html")));

        var odds = charts[0];
        Assert.Equal("share of runs (%)", odds.XName);
        Assert.Contains(odds.Texts, t => t.Content == "0%");
        Assert.Contains(odds.Texts, t => t.Content == "100%");
        Assert.Equal(["in force at the end (seeded or new)", "made during the run", "95% Wilson interval"], odds.Legend);

        foreach (var histogram in charts.Where(c => c.Id.StartsWith("histogram-", StringComparison.Ordinal)))
        {
            Assert.Equal("final position (0–100 scale)", histogram.XName);
            Assert.Equal("runs", histogram.YName);
            // One series per actor holding a position on the topic: Japan and the United States.
            Assert.Equal(["JP", "US"], histogram.Legend.Select(l => l.Split(':')[0]));
            // The x axis has at least three tick labels; that they stand one step apart, the ends
            // included, every chart's check in AssertReadable asserts.
            var ticks = histogram.Ticks(x: true);
            Assert.True(ticks.Length >= 3, $"{histogram.Id}: {ticks.Length} tick labels");
        }

        // The Wilson interval is drawn as whiskers (a bar between two caps, charts.js's whisker, in #222): its icon is
        // three filled shapes 14 pixels high in that colour, where ECharts' own icon for a custom series was one filled box.
        var wilson = odds.Icons.Single(i => i.Name == "95% Wilson interval");
        Assert.Equal(3, wilson.FilledShapes);
        Assert.Equal(14, wilson.Height, 0.5);
        Assert.All(wilson.Parts, p => Assert.Equal("#222", p.Fill, ignoreCase: true));

        var sensitivity = charts[^1];
        Assert.Contains("Spearman", sensitivity.XName);
        Assert.Contains(sensitivity.Legend, l => l.StartsWith("one pair's noise band at 5%", StringComparison.Ordinal));
        // The noise band is a shaded area, rgba(120,120,120,0.15) (SensitivityChart's mark area), which SVG writes as fill
        // rgb(120,120,120) at opacity 0.15: its icon is one box 14 pixels high in that fill, not a line with a circle.
        var band = Assert.Single(sensitivity.Icons, i => i.Name.StartsWith("one pair's noise band at 5%", StringComparison.Ordinal));
        Assert.False(band.HasDot);
        Assert.Equal(1, band.FilledShapes);
        Assert.Equal(14, band.Height, 0.5);
        Assert.Equal(("rgb(120,120,120)", "0.15"), (band.Parts[0].Fill, band.Parts[0].FillOpacity));
        foreach (var csv in new[] { "agreements.csv", "positions.csv", "sensitivity.csv" })
            Assert.True(File.Exists(Path.Combine(dir, csv)), csv);
    }

    /// <summary>
    /// The bars chromium painted inside each histogram's plot: every filled SVG path within the grid, with its fill as
    /// computed RGB and its box; and each series' colour as computed RGB, in the order of the series.
    /// </summary>
    private const string HistogramBars = """
        (() => JSON.stringify([...document.querySelectorAll("figure[data-chart^='histogram-']")].map(figure => {
          const chart = window.summitsCharts[figure.getAttribute('data-chart')];
          const rgb = c => { const d = document.createElement('div'); d.style.color = c; document.body.appendChild(d); const v = getComputedStyle(d).color; d.remove(); return v; };
          const svg = figure.querySelector('svg');
          const origin = svg.getBoundingClientRect();
          const g = chart.getModel().getComponent('grid', 0).coordinateSystem.getRect();
          const grid = { x: origin.x + g.x, y: origin.y + g.y, w: g.width, h: g.height };
          const bars = [...svg.querySelectorAll('path')]
            .map(p => ({ p, b: p.getBoundingClientRect(), fill: p.getAttribute('fill') }))
            .filter(x => x.fill && x.fill !== 'none' && x.b.width > 0 && x.b.height > 0
              && x.b.left >= grid.x - 1 && x.b.right <= grid.x + grid.w + 1 && x.b.top >= grid.y - 1 && x.b.bottom <= grid.y + grid.h + 1)
            .map(x => ({ fill: rgb(x.fill), x: x.b.x, y: x.b.y, w: x.b.width, h: x.b.height }));
          return { id: figure.getAttribute('data-chart'), colours: chart.getOption().series.map(s => rgb(s.color)), bars };
        })))()
        """;

    private sealed record Bar(string Fill, double X, double Y, double W, double H);

    private sealed record Histogram(string Id, string[] Colours, Bar[] Bars);

    [Fact]
    public async Task A_histograms_bars_stand_side_by_side_each_in_its_actors_colour_with_no_third()
    {
        // Before, each actor's bars were binned over its own range and drawn over one another, so where they overlapped
        // a third colour showed that the legend did not explain. The study of the what-if report above, whose three
        // histograms each chart Japan and the United States.
        await OpenWhatIfReportAsync("whatif-histograms");

        var histograms = JsonSerializer.Deserialize<Histogram[]>(await _page!.EvaluateExpressionAsync<string>(HistogramBars), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.Equal(3, histograms.Length);
        foreach (var histogram in histograms)
        {
            // Every bar is painted in the colour of a series the legend names: one colour per actor and no other.
            Assert.NotEmpty(histogram.Bars);
            Assert.All(histogram.Bars, bar => Assert.Contains(bar.Fill, histogram.Colours));
            // No two bars of different actors cover one pixel (a pixel's overlap at a shared edge is let through).
            foreach (var a in histogram.Bars)
            {
                foreach (var b in histogram.Bars.Where(b => b.Fill != a.Fill))
                {
                    var across = Math.Min(a.X + a.W, b.X + b.W) - Math.Max(a.X, b.X);
                    var down = Math.Min(a.Y + a.H, b.Y + b.H) - Math.Max(a.Y, b.Y);
                    Assert.False(across > 1 && down > 1, $"{histogram.Id}: a bar at x {a.X:F1} (width {a.W:F1}) and one at x {b.X:F1} (width {b.W:F1}) overlap");
                }
            }
        }
        // Side by side, not only apart: on defense-procurement Japan and the United States end in some of the same bins.
        // A bin is split into one slot per actor, each bar a pixel narrower than its slot (charts.js's bin), so the
        // other actor's bar in a shared bin begins one pixel after the first one ends.
        var procurement = histograms.Single(h => h.Id == "histogram-defense-procurement");
        Assert.Equal(2, procurement.Bars.Select(b => b.Fill).Distinct().Count());
        Assert.Contains(procurement.Bars, a => procurement.Bars.Any(b => b.Fill != a.Fill && Math.Abs(b.X - (a.X + a.W) - 1) < 0.5));
    }

    [Fact]
    public async Task The_compare_report_charts_every_moved_position_names_both_seeds_and_shows_consistent_changes()
    {
        var path = SeedFiles.File("scenarios", "what-if", "us-fta-press-or-package.yaml");
        var a = await ScenarioRun.LocallyAsync(BranchChoice.Load(path + "#press-fta", null, null, p => p));
        var b = await ScenarioRun.LocallyAsync(BranchChoice.Load(path + "#offer-package", null, null, p => p));
        var comparison = Comparison.Of("press-fta", StateDocument.Of(a), "offer-package", StateDocument.Of(b));
        var dir = Directory.CreateTempSubdirectory("summits-report-").FullName;
        CompareReport.WriteAll(comparison, dir);
        var charts = await OpenAsync(dir, "compare");

        var shifts = Assert.Single(charts);
        Assert.Equal("position-shifts", shifts.Id);
        var moved = comparison.Positions.Length;
        Assert.True(moved > 0);
        Assert.Equal($"Positions that moved, A → B (all {moved})", shifts.Title);
        // Both branches run the scenario file's seed, 7.
        Assert.Contains("A: press-fta, seed 7", shifts.Subtitle);
        Assert.Contains("B: offer-package, seed 7", shifts.Subtitle);
        Assert.Equal(moved, shifts.YCategories!.Length);
        Assert.Equal(["A: press-fta", "B: offer-package"], shifts.Legend);
        // Every change printed is B minus A as printed, recomputed here from the printed text.
        foreach (var row in CompareReport.PositionRows(comparison).Where(r => r[2] != "none" && r[3] != "none"))
            Assert.Equal(Math.Round(Parse(row[3]) - Parse(row[2]), 4), Parse(row[4]));
        Assert.Contains("gained,package,bilateral-fta", File.ReadAllText(Path.Combine(dir, "agreements.csv")));
    }

    [Fact]
    public async Task The_spatial_model_report_charts_every_dimension_turn_by_turn_with_the_runs_own_numbers()
    {
        var run = await ScenarioRun.LocallyAsync(Forecast.Of(SeedFiles.File("scenarios", "worlds", "dummy-3dim.yaml"), 100, 0, ForecastModel.Smp));
        var dir = Directory.CreateTempSubdirectory("summits-report-").FullName;
        RunReportFiles.WriteAll(run, dir);
        var charts = await OpenAsync(dir, "run-smp");

        // dummyData_3Dim.csv: 7 actors on 3 dimensions headed Pstn1, Pstn2, Pstn3; KTAB's smpc takes 10 turns.
        Assert.Equal(["smp-positions-dimension-1", "smp-positions-dimension-2", "smp-positions-dimension-3", "smp-probabilities"], charts.Select(c => c.Id));
        var actors = Enumerable.Range(0, 7).Select(i => $"SActor-0{i}").ToArray();
        var turns = Enumerable.Range(0, 11).Select(t => t.ToString(CultureInfo.InvariantCulture)).ToArray();
        // state.json's forecast, read as a user reads it.
        var forecast = JsonDocument.Parse(RunFiles.State(run)).RootElement.GetProperty("forecast");
        for (var k = 0; k < 3; k++)
        {
            var chart = charts[k];
            Assert.Equal($"Positions on Pstn{k + 1}, turn by turn", chart.Title);
            Assert.Equal(turns, chart.XCategories);
            Assert.Equal("position (0–100 scale)", chart.YName);
            // The forecast and the weighted mean first, then one line per actor, each with a point at every turn.
            Assert.Equal([SmpPositionsChart.Forecast, SmpPositionsChart.WeightedMean, .. actors], chart.Drawn.Select(s => s.Name));
            Assert.All(chart.Drawn, s => Assert.Equal(("line", 11), (s.Type, s.Data)));
            Assert.Equal([SmpPositionsChart.Forecast, SmpPositionsChart.WeightedMean, .. actors], chart.Legend);
            Assert.True(await CountAsync($"figure[data-chart='{chart.Id}'] svg path") > chart.Drawn.Length, $"{chart.Id}: the SVG draws no lines");

            var series = await SeriesAsync(chart.Id);
            Assert.Equal(forecast.GetProperty($"dimension-{k + 1}").GetDouble(), series[SmpPositionsChart.Forecast][^1]);
        }
        // KTAB's history: "SActor-00, Pstn2:   6.4  44.7  34.2 …" (turn 0 is the table's 6.37).
        var pstn2 = await SeriesAsync("smp-positions-dimension-2");
        Assert.Equal([6.4, 44.7, 34.2], pstn2["SActor-00"].Take(3).Select(v => Math.Round(v, 1)));
        // Weighted mean of Pstn1 at the start, by hand from the table: Σ power·salience·position / Σ power·salience = 78.784.
        Assert.Equal(78.784, (await SeriesAsync("smp-positions-dimension-1"))[SmpPositionsChart.WeightedMean][0], 0.001);

        var probabilities = charts[3];
        Assert.Equal(actors, probabilities.Legend);
        Assert.Equal("probability of prevailing (0–1)", probabilities.YName);
        var chances = await SeriesAsync(probabilities.Id);
        // The last column of smp-probabilities.csv, as written beside the report.
        var csv = File.ReadAllLines(Path.Combine(dir, "smp-probabilities.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => Parse(f[^1]));
        Assert.All(actors, a => Assert.Equal(csv[a], chances[a][^1]));
        // KTAB's reference: "SActor-04, prob : 0.6001 0.6059 0.1152 …".
        Assert.Equal([0.6001, 0.6059, 0.1152], chances["SActor-04"].Take(3).Select(v => Math.Round(v, 4)));
        // Actors at one position each carry that position's probability, so the last turn's column adds up to
        // more than 1 (about 1.485 for this table); report.md says so beside its table.
        Assert.True(csv.Values.Sum() > 1.4);
        Assert.Contains("actors at one position each show that position's, so a column can add up to more than 100%", File.ReadAllText(Path.Combine(dir, "report.md")));

        var headings = await _page!.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('h2')].map(h => h.textContent)");
        Assert.Equal([SmpReport.ForecastHeading, SmpReport.ByTurnHeading, SmpReport.ProbabilityHeading], headings);
    }

    /// <summary>How many elements of the open page match <paramref name="selector"/>.</summary>
    private async Task<int> CountAsync(string selector) =>
        await (_page ?? throw new InvalidOperationException("no report is open")).EvaluateExpressionAsync<int>($"document.querySelectorAll(\"{selector}\").length");

    /// <summary>The values each series of the chart holds as ECharts drew it, by series name.</summary>
    private async Task<Dictionary<string, double[]>> SeriesAsync(string chart)
    {
        var page = _page ?? throw new InvalidOperationException("no report is open");
        var json = await page.EvaluateExpressionAsync<string>(
            $"JSON.stringify(window.summitsCharts['{chart}'].getOption().series.map(s => ({{ name: s.name, values: s.data.map(d => d.value) }})))");
        return JsonDocument.Parse(json).RootElement.EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray());
    }

    /// <summary>Moves the mouse over the point (x, y) of the chart, in its data's coordinates, and returns the text the chart then shows.</summary>
    private async Task<string> HoverAsync(string chart, double x, double y)
    {
        var page = _page ?? throw new InvalidOperationException("no report is open");
        await page.EvaluateExpressionAsync($"document.querySelector(\"figure[data-chart='{chart}']\").scrollIntoView()");
        var at = await page.EvaluateExpressionAsync<double[]>(string.Create(CultureInfo.InvariantCulture,
            $"(() => {{ const c = window.summitsCharts['{chart}']; const p = c.convertToPixel({{ seriesIndex: 0 }}, [{x}, {y}]); const r = c.getDom().getBoundingClientRect(); return [r.x + p[0], r.y + p[1]]; }})()"));
        await page.Mouse.MoveAsync((decimal)at[0], (decimal)at[1]);
        await Task.Delay(300);
        return await page.EvaluateExpressionAsync<string>($"window.summitsCharts['{chart}'].getDom().innerText");
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The report of a study of us-presses-bilateral-fta (120 runs, seed 42, local), written and opened: its folder and charts.</summary>
    private async Task<(string Dir, RenderedChart[] Charts)> OpenWhatIfReportAsync(string name)
    {
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(120, 42, 4, Engine.Local), SampleRuns.Local);
        var dir = Directory.CreateTempSubdirectory("summits-report-").FullName;
        StudyReport.WriteAll(study, dir);
        return (dir, await OpenAsync(dir, name));
    }

    /// <summary>Runs a shipped what-if scenario in the pure model, writes its run report and opens it.</summary>
    /// <param name="pair">The two parties the bargaining figures plot, as <c>run --pair</c> gives them.</param>
    private async Task<RenderedChart[]> OpenRunReportAsync(string scenario, string name, (string, string)? pair = null, int width = 1280)
    {
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", scenario + ".yaml")));
        var dir = Directory.CreateTempSubdirectory("summits-report-").FullName;
        RunReportFiles.WriteAll(run, dir, pair);
        return await OpenAsync(dir, name, width);
    }

    [Fact]
    public async Task At_480_pixels_wide_every_chart_s_title_legend_and_axis_text_lie_inside_the_viewport()
    {
        // A phone held upright: 480 CSS pixels. The run report of trade-for-defense-package has trajectories
        // with a legend of actors and marks, an agreement timeline and the bargaining charts, whose titles
        // ("Agreement … over … among …") are longer than 480 pixels at 15 px; the what-if report adds the
        // agreement-odds chart with its three-entry legend. Every line of every chart's title and subtitle and
        // every legend entry must lie within 0..480 across, and every legend entry be shown above the plot,
        // overlapping nothing (not paged away behind the legend's pager, nor cut by the figure's edge).
        const int width = 480;
        var charts = (await OpenRunReportAsync("trade-for-defense-package", "narrow-run", width: width)).ToList();
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(40, 42, 2, Engine.Local), SampleRuns.Local);
        var dir = Directory.CreateTempSubdirectory("summits-report-").FullName;
        StudyReport.WriteAll(study, dir);
        charts.AddRange(await OpenAsync(dir, "narrow-whatif", width));

        Assert.Contains(charts, c => c.Id == "agreement-odds");
        foreach (var chart in charts)
        {
            var titleOrLegend = chart.Texts.Where(t => t.Y + t.H <= chart.Grid.Y
                && (chart.Title.Contains(t.Content, StringComparison.Ordinal) || (chart.Subtitle?.Contains(t.Content, StringComparison.Ordinal) ?? false) || chart.Legend.Contains(t.Content)));
            foreach (var text in titleOrLegend)
                Assert.True(text.X >= -0.5 && text.X + text.W <= width + 0.5, $"{chart.Id}: '{text.Content}' spans {text.X:0.#} to {text.X + text.W:0.#}, outside the 0..{width} viewport");
            Assert.All(chart.Legend, entry => Assert.Contains(chart.Texts, t => t.Content == entry));
            // Every axis label and axis name too: the sensitivity chart's value-axis name stood at 414–516 px, past
            // the right edge, and its category labels ("… → …", up to about 40 characters, some 250 px at 12 px)
            // ran off the left edge.
            foreach (var text in chart.Texts.Except(titleOrLegend))
                Assert.True(text.X >= -0.5 && text.X + text.W <= width + 0.5, $"{chart.Id}: axis text '{text.Content}' spans {text.X:0.#} to {text.X + text.W:0.#}, outside the 0..{width} viewport");
        }
    }

    [Fact]
    public async Task At_480_pixels_wide_no_report_is_wider_than_the_page()
    {
        // A phone held upright: 480 CSS pixels. Every kind of report.html the tool writes (a run, a spatial-model
        // run, a what-if study, a comparison) must fit: the page never scrolls sideways, a table wider than the
        // page scrolls sideways in a box of its own. Before, the what-if report's final-positions table measured
        // 608 px and the run report's 600 px, so the whole page was wider than 480.
        const int width = 480;
        var pages = new Dictionary<string, int>();
        await OpenRunReportAsync("trade-for-defense-package", "narrow-page-run", width: width);
        pages["run"] = await PageWidthAsync();
        await OpenRunReportAsync("us-presses-bilateral-fta", "narrow-page-run-rounds", width: width);
        pages["run with rounds"] = await PageWidthAsync();

        var smp = await ScenarioRun.LocallyAsync(Forecast.Of(SeedFiles.File("scenarios", "worlds", "dummy-3dim.yaml"), 100, 0, ForecastModel.Smp));
        var smpDir = Directory.CreateTempSubdirectory("summits-report-").FullName;
        RunReportFiles.WriteAll(smp, smpDir);
        await OpenAsync(smpDir, "narrow-page-run-smp", width);
        pages["spatial-model run"] = await PageWidthAsync();

        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(40, 42, 2, Engine.Local), SampleRuns.Local);
        var studyDir = Directory.CreateTempSubdirectory("summits-report-").FullName;
        StudyReport.WriteAll(study, studyDir);
        await OpenAsync(studyDir, "narrow-page-whatif", width);
        pages["what-if"] = await PageWidthAsync();

        var path = SeedFiles.File("scenarios", "what-if", "us-fta-press-or-package.yaml");
        var a = await ScenarioRun.LocallyAsync(BranchChoice.Load(path + "#press-fta", null, null, p => p));
        var b = await ScenarioRun.LocallyAsync(BranchChoice.Load(path + "#offer-package", null, null, p => p));
        var compareDir = Directory.CreateTempSubdirectory("summits-report-").FullName;
        CompareReport.WriteAll(Comparison.Of("press-fta", StateDocument.Of(a), "offer-package", StateDocument.Of(b)), compareDir);
        await OpenAsync(compareDir, "narrow-page-compare", width);
        pages["compare"] = await PageWidthAsync();

        Assert.All(pages, p => Assert.True(p.Value <= width, $"the {p.Key} report is {p.Value} px wide, wider than the {width} px page"));
    }

    /// <summary>How wide the open page is, in CSS pixels: more than the viewport when the page scrolls sideways.</summary>
    private async Task<int> PageWidthAsync() =>
        await (_page ?? throw new InvalidOperationException("no report is open")).EvaluateExpressionAsync<int>("document.documentElement.scrollWidth");

    /// <summary>
    /// Opens report.html: no script error; every chart readable (a title, named axes shown, a legend
    /// naming only series drawn and shown above the plot, no "-0" tick, no overlapping text);
    /// screenshots of the page and of each chart kept.
    /// </summary>
    private async Task<RenderedChart[]> OpenAsync(string dir, string name, int width = 1280)
    {
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.DoesNotMatch(ExternalResource(), html);

        if (_page is not null)
            await _page.DisposeAsync();
        var page = _page = await browser.Browser.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.PageError += (_, e) => errors.Add(e.Message);
        page.Console += (_, e) => { if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning) errors.Add(e.Message.Text); };
        page.Request += (_, e) => requests.Add(e.Request.Url);
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = 900 });
        await page.GoToAsync(new Uri(Path.Combine(dir, "report.html")).AbsoluteUri, WaitUntilNavigation.Load);
        var charts = RenderedChart.Parse(await page.EvaluateExpressionAsync<string>(RenderedChart.Script));

        var full = Path.Combine(Artefacts, $"{name}-report.png");
        await page.ScreenshotAsync(full, new ScreenshotOptions { FullPage = true });
        output.WriteLine($"screenshot of the {name} report: {full}");
        foreach (var chart in charts)
        {
            var figure = await page.QuerySelectorAsync($"figure[data-chart='{chart.Id}']");
            await figure.ScreenshotAsync(Path.Combine(Artefacts, $"{name}-{chart.Id}.png"));
        }

        Assert.Empty(errors);
        Assert.All(requests, r => Assert.StartsWith("file://", r));
        Assert.NotEmpty(charts);
        foreach (var chart in charts)
            AssertReadable(chart);
        return charts;
    }

    private static void AssertReadable(RenderedChart chart)
    {
        var shown = chart.Texts.Select(t => t.Content).ToHashSet(StringComparer.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(chart.Title), $"{chart.Id}: no title");
        // The title is shown whole, on one line or, on a narrow page, wrapped into lines of its words.
        var titleLines = chart.Texts.Where(t => chart.Title.Contains(t.Content, StringComparison.Ordinal) && t.Y + t.H <= chart.Grid.Y).Select(t => t.Content.Trim());
        Assert.True(shown.Contains(chart.Title) || string.Join(" ", titleLines).Contains(chart.Title, StringComparison.Ordinal),
            $"{chart.Id}: the title '{chart.Title}' is not shown whole");
        foreach (var axis in new[] { chart.XName, chart.YName })
        {
            Assert.False(string.IsNullOrWhiteSpace(axis), $"{chart.Id}: an axis has no name");
            // Whole on one line or, on a narrow page, broken into lines of its words (read top to bottom).
            var nameLines = chart.Texts.Where(t => t.Content.Trim().Length > 1 && axis.Contains(t.Content.Trim(), StringComparison.Ordinal))
                .OrderBy(t => t.Y).ThenBy(t => t.X).Select(t => t.Content.Trim());
            Assert.True(shown.Contains(axis) || string.Join(" ", nameLines).Contains(axis, StringComparison.Ordinal), $"{chart.Id}: the axis name '{axis}' is not shown whole");
        }
        var drawn = chart.DrawnNames.ToHashSet(StringComparer.Ordinal);
        foreach (var entry in chart.Legend)
        {
            Assert.True(drawn.Contains(entry), $"{chart.Id}: the legend names '{entry}', which the chart does not draw");
            var text = chart.Texts.FirstOrDefault(t => t.Content == entry);
            Assert.True(text is not null, $"{chart.Id}: the legend entry '{entry}' is not shown");
            Assert.True(text.Y + text.H <= chart.Grid.Y + 1, $"{chart.Id}: the legend entry '{entry}' reaches into the plot");
        }
        foreach (var icon in chart.Icons)
            AssertIconMatches(chart, icon);
        Assert.DoesNotContain(chart.Texts, t => NegativeZero().IsMatch(t.Content));
        // A value axis's tick labels stand one step apart, its ends included: an axis running from 55
        // to 90 with ticks every 10 drew 55, 60, 70, 80, 90, whose first step (5) breaks the rest (10).
        foreach (var x in new[] { true, false })
        {
            var ticks = chart.Ticks(x);
            var steps = ticks.Zip(ticks.Skip(1), (a, b) => Math.Round(b - a, 6)).Distinct().ToList();
            Assert.True(steps.Count <= 1, $"{chart.Id}: uneven ticks on the {(x ? "x" : "y")} axis: {string.Join(", ", ticks)}");
        }
        var overlaps = chart.Overlapping().Select(p => $"'{p.Item1.Content}' and '{p.Item2.Content}'").ToList();
        Assert.True(overlaps.Count == 0, $"{chart.Id}: overlapping text: {string.Join("; ", overlaps)}");
    }

    /// <summary>
    /// A legend entry's icon is drawn as its series is, read from what chromium painted: a line with no dots has an icon
    /// with no dot, a thin line (at most 3 pixels high), in dashes (more than one filled shape) when the line is dashed and
    /// in one piece when it is not; a series that draws only a shaded area has one filled box (at least 8 pixels high)
    /// with the area's see-through fill; an interval drawn as whiskers has three filled shapes (two caps and the bar) and
    /// no dot. Other series (bars, marks, lines with dots) keep ECharts' icon, which draws as they do.
    /// </summary>
    private static void AssertIconMatches(RenderedChart chart, RenderedChart.Icon icon)
    {
        var series = chart.Drawn.First(s => s.Name == icon.Name);
        var parts = string.Join("; ", icon.Parts.Select(p => $"d={p.D} fill={p.Fill} opacity={p.FillOpacity} stroke={p.Stroke} dash={p.Dash} {p.W:0.#}x{p.H:0.#}"));
        var where = $"{chart.Id}: the legend icon of '{icon.Name}' ({parts})";
        Assert.True(icon.Parts.Length > 0, $"{where} is not drawn");
        if (series.AreaOnly)
        {
            Assert.True(icon.FilledShapes == 1 && icon.Height >= 8 && !icon.HasDot, $"{where} is not a shaded box, as its area is");
            Assert.True(icon.Parts.Any(p => p.FillOpacity is { } o && double.Parse(o, CultureInfo.InvariantCulture) < 1), $"{where} is not see-through, as its area is");
        }
        else if (series.Type == "line" && !series.Dots)
        {
            Assert.False(icon.HasDot, $"{where} has a dot, which its line does not");
            Assert.True(icon.Height <= 3, $"{where} is {icon.Height:0.#} pixels high, not a line");
            if (series.Dashed)
                Assert.True(icon.FilledShapes > 1, $"{where} is not dashed, as its line is");
            else
                Assert.True(icon.FilledShapes == 1 || icon.Parts.All(p => p.Stroke is not null && p.Dash is null), $"{where} is dashed, as its line is not");
        }
        else if (series.Render == "whisker")
        {
            Assert.True(icon.FilledShapes == 3 && !icon.HasDot && icon.Height >= 8, $"{where} is not whiskers, as its interval is");
        }
    }

    [GeneratedRegex(@"^\s*[-−]0(\.0+)?\s*%?\s*$")]
    private static partial Regex NegativeZero();

    [GeneratedRegex("(src|href)=\"(https?:)?//")]
    private static partial Regex ExternalResource();
}

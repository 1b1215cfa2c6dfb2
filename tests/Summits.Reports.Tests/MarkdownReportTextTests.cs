using Summits.Model;
using Summits.Reports.Comparisons;
using Summits.Reports.Runs;
using Summits.Reports.Studies;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Reports.Tests;

/// <summary>
/// Every Markdown report (a run's, a study's, a comparison's) shows the words a scenario or a user brought as they were
/// written: a <c>because:</c> or an <c>about</c> holding HTML, table bars or emphasis marks makes no markup in report.md.
/// </summary>
public sealed class MarkdownReportTextTests
{
    /// <summary>An <c>about</c> with a tag, a table bar and emphasis: as a renderer would show it, before the report's own words.</summary>
    private const string About = "<i>What if</i> the US | pushed *hard* & _fast_?";

    /// <summary>A <c>because:</c> with a tag, a table bar, a link, code, a heading mark, maths, strikethrough and a backslash.</summary>
    private const string Because = "<b>the US</b> | pushes [see](x) `code` #1 $5 ~~no~~ \\ end";

    /// <summary>
    /// us-presses-bilateral-fta with <see cref="About"/> for its <c>about</c> and <see cref="Because"/> for the
    /// <c>because:</c> of its last step, each in single quotes (in which YAML keeps a backslash as it is).
    /// </summary>
    private static LoadedScenario Hostile()
    {
        var path = SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml");
        var text = File.ReadAllText(path);
        const string about = "about: What if the US had pressed for a bilateral FTA, a topic the summit did not discuss?\n";
        const string because = "because: the parties' reservation values on the FTA (36.25 and 61.5 at the start, 38.915 and 60.5715 in their last round offers) never meet, and procurement cannot pay for the gap.\n";
        Assert.Contains(about, text);
        Assert.Contains(because, text);
        text = text.Replace(about, $"about: '{About}'\n", StringComparison.Ordinal).Replace(because, $"because: '{Because}'\n", StringComparison.Ordinal);
        return ScenarioFile.Parse(path, text);
    }

    [Fact]
    public async Task A_study_report_shows_a_because_holding_html_as_written()
    {
        // 4 runs: quick, and few enough that the sensitivity notes warn, in bold.
        var study = await WhatIfStudy.RunAsync(Hostile(), new StudyOptions(4, 42, 2, Engine.Local), SampleRuns.Local);

        var document = RenderedMarkdown.Parse(StudyReport.Markdown(study));

        Assert.Empty(RenderedMarkdown.Markup(document));
        // The summary opens with the about as it is (it ends in '?', so no full stop is added).
        Assert.StartsWith(About + " 4 of 4 runs on world abe-trump-2017-11-06", RenderedMarkdown.Paragraphs(document)[0], StringComparison.Ordinal);
        // The scenario's three expect steps, each one expectation: the last step's row gives the because, in the fifth of
        // five cells (expectation, step, line, held in, because); the other rows their own.
        var expectations = RenderedMarkdown.Tables(document).Single(t => t[0].Contains("because"));
        Assert.Equal(["expectation", "step", "line", "held in", "because"], expectations[0]);
        Assert.Equal(4, expectations.Count);
        Assert.All(expectations, row => Assert.Equal(5, row.Count));
        Assert.Equal(("step-6", Because), (expectations[3][1], expectations[3][4]));
        Assert.Equal("every US offer pulls Japan a little toward it, even when Japan refuses.", expectations[2][4]);
    }

    [Fact]
    public async Task A_run_report_shows_an_about_holding_html_as_written()
    {
        var loaded = Hostile();
        var run = await ScenarioRun.LocallyAsync(loaded);

        // With the record of what followed the summit, whose section is a table too.
        var document = RenderedMarkdown.Parse(RunReportFiles.Markdown(run, RecordFile.For(loaded.WorldPath)));

        Assert.Empty(RenderedMarkdown.Markup(document));
        Assert.Equal("Run of us-presses-bilateral-fta", RenderedMarkdown.Headings(document)[0]);
        Assert.StartsWith(About + " World abe-trump-2017-11-06, seed 42,", RenderedMarkdown.Paragraphs(document)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_report_shows_a_because_holding_html_as_written()
    {
        var document = RenderedMarkdown.Parse(RunReportFiles.Markdown(await ScenarioRun.LocallyAsync(Hostile())));

        Assert.Empty(RenderedMarkdown.Markup(document));
        // The scenario's three expect steps, each one expectation, all held: the last step's row gives the because, in the
        // fifth of five cells (expectation, step, line, result, because), beside its result.
        var expectations = RenderedMarkdown.Tables(document).Single(t => t[0].Contains("because"));
        Assert.Equal(["expectation", "step", "line", "result", "because"], expectations[0]);
        Assert.Equal(4, expectations.Count);
        Assert.All(expectations, row => Assert.Equal(5, row.Count));
        Assert.Equal(("step-6", "passed", Because), (expectations[3][1], expectations[3][3], expectations[3][4]));
    }

    [Fact]
    public async Task A_comparison_report_shows_the_names_of_its_runs_as_written()
    {
        // The names are what the user typed for A and B: a path may hold any of these characters.
        const string a = "runs/<b>a</b>|x/state.json";
        const string b = "runs/*b*_c_#1/state.json";
        var path = SeedFiles.File("scenarios", "what-if", "us-fta-press-or-package.yaml");
        var press = StateDocument.Of(await ScenarioRun.LocallyAsync(BranchChoice.Load(path + "#press-fta", null, null, p => p)));
        var package = StateDocument.Of(await ScenarioRun.LocallyAsync(BranchChoice.Load(path + "#offer-package", null, null, p => p)));

        var document = RenderedMarkdown.Parse(CompareReport.Markdown(Comparison.Of(a, press, b, package)));

        Assert.Empty(RenderedMarkdown.Markup(document));
        Assert.Equal($"Compare {a} → {b}", RenderedMarkdown.Headings(document)[0]);
        var sides = RenderedMarkdown.Paragraphs(document)[0];
        Assert.StartsWith($"A is {a} (scenario ", sides, StringComparison.Ordinal);
        Assert.Contains($"); B is {b} (scenario ", sides, StringComparison.Ordinal);
    }
}

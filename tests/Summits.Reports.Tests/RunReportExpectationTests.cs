using Summits.Model;
using Summits.Reports.Runs;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Reports.Tests;

/// <summary>A run's report gives each expectation of its scenario with the run's result and its step's <c>because:</c>.</summary>
public sealed class RunReportExpectationTests
{
    private static string ScenarioPath => SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml");

    // The file's three `because:` lines, copied by hand from lines 46, 49 and 52.
    private const string RejectBecause = "80 lies beyond Japan's reservation value 36.25, so it is worth less to Japan than no deal (its BATNA).";
    private const string MoveBecause = "every US offer pulls Japan a little toward it, even when Japan refuses.";
    private const string GapBecause = "the parties' reservation values on the FTA (36.25 and 61.5 at the start, 38.915 and 60.5715 in their last round offers) never meet, and procurement cannot pay for the gap.";

    /// <summary>An edit that takes a step's reason out, leaving a comment in its place so that every step keeps its line.</summary>
    private static (string, string) NoReason(string because) => ("because: " + because, "# no reason given");

    /// <summary>us-presses-bilateral-fta with each pair of its text replaced, each checked to be there first.</summary>
    private static LoadedScenario Edited(params (string Old, string New)[] edits)
    {
        var text = File.ReadAllText(ScenarioPath);
        foreach (var (old, @new) in edits)
        {
            Assert.Contains(old, text);
            text = text.Replace(old, @new, StringComparison.Ordinal);
        }
        return ScenarioFile.Parse(ScenarioPath, text);
    }

    [Fact]
    public async Task Both_reports_give_each_expectation_s_result_and_its_reason_beside_it()
    {
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(ScenarioPath));

        // The file's three expect steps come 4th to 6th, after fta-ask, bargain and package, and have no id: step-4,
        // step-5 and step-6, each one expectation, at their `- expect:` lines 44, 47 and 50. All three hold, as the file's
        // opening comment works out (Japan rejects 80 against its reservation value 36.25; it moves 20 to 23.8 toward the
        // US; the offers never meet): 3 passed, 0 failed, as 'summits run' says of it.
        var markdown = RunReportFiles.Markdown(run);
        Assert.Contains("expectations: 3 passed, 0 failed.", markdown);
        Assert.Contains("## Expectations\n", markdown);
        Assert.Contains("| expectation | step | line | result | because |\n", markdown);
        Assert.Contains($"| event reject by JP from fta-ask | step-4 | 44 | passed | {RejectBecause} |\n", markdown);
        Assert.Contains($"| position JP bilateral-fta moved toward US | step-5 | 47 | passed | {MoveBecause} |\n", markdown);
        Assert.Contains($"| no agreement on bilateral-fta | step-6 | 50 | passed | {GapBecause} |\n", markdown);

        // HTML-escaped: the apostrophe in "Japan's" is &#39;.
        var html = RunReportFiles.Html(run);
        Assert.Contains("<h2>Expectations</h2>", html);
        Assert.Contains("<th>result</th><th>because</th>", html);
        Assert.Contains("<td>step-4</td><td>44</td><td>passed</td><td>80 lies beyond Japan&#39;s reservation value 36.25, so it is worth less to Japan than no deal (its BATNA).</td>", html);
    }

    [Fact]
    public async Task A_failed_or_unreached_expectation_says_so_and_with_no_reason_given_there_is_no_because_column()
    {
        // With no `because:` anywhere, and step-5 asking that Japan moved away from the US, which it did not (20 to 23.8
        // toward it, the file's comment): passed, failed. The run's event for step-6 is then taken out, a timeline cut short
        // before that step (a finished run checks every step, so only such a timeline lacks it): not reached.
        var loaded = Edited(NoReason(RejectBecause), NoReason(MoveBecause), NoReason(GapBecause), ("moved: toward", "moved: away"));
        var whole = await ScenarioRun.LocallyAsync(loaded);
        var run = whole with { Timeline = [.. whole.Timeline.Where(e => !(e.Cause == "step-6" && e.Kind is EventKind.ExpectationPassed or EventKind.ExpectationFailed))] };

        var markdown = RunReportFiles.Markdown(run);
        Assert.Contains("| expectation | step | line | result |\n", markdown);
        Assert.Contains("| event reject by JP from fta-ask | step-4 | 44 | passed |\n", markdown);
        Assert.Contains("| position JP bilateral-fta moved away from US | step-5 | 47 | failed |\n", markdown);
        Assert.Contains("| no agreement on bilateral-fta | step-6 | 50 | not reached |\n", markdown);
        Assert.DoesNotContain("<th>because</th>", RunReportFiles.Html(run));
    }

    [Fact]
    public async Task A_reason_holding_html_is_escaped_in_report_html_and_a_step_without_one_has_an_empty_cell()
    {
        // step-4's reason becomes a tag, an ampersand and a table bar; step-5 gives none, step-6 keeps its own.
        var loaded = Edited(("because: " + RejectBecause, "because: '<b>80</b> & more | less'"), NoReason(MoveBecause));
        var html = RunReportFiles.Html(await ScenarioRun.LocallyAsync(loaded));

        // WebUtility.HtmlEncode: < as &lt;, > as &gt;, & as &amp;; the bar is no markup in HTML.
        Assert.Contains("<td>passed</td><td>&lt;b&gt;80&lt;/b&gt; &amp; more | less</td>", html);
        Assert.DoesNotContain("<b>80</b>", html);
        Assert.Contains("<td>position JP bilateral-fta moved toward US</td><td>step-5</td><td>47</td><td>passed</td><td></td>", html);
    }

    [Fact]
    public async Task A_scenario_with_no_expect_step_has_no_expectations_section()
    {
        // The three expect steps, from the first `- expect:` to the end of the file, taken away.
        var text = File.ReadAllText(ScenarioPath);
        var at = text.IndexOf("  - expect:", StringComparison.Ordinal);
        Assert.True(at > 0);
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Parse(ScenarioPath, text[..at]));

        Assert.DoesNotContain("## Expectations", RunReportFiles.Markdown(run));
        Assert.DoesNotContain("<h2>Expectations</h2>", RunReportFiles.Html(run));
    }
}

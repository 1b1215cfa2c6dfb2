using System.Net;
using System.Text.RegularExpressions;
using Summits.Model;
using Summits.Reports.Comparisons;
using Summits.Reports.Pages;
using Summits.Reports.Runs;
using Summits.Reports.Studies;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Reports.Tests;

/// <summary>Every paragraph and caption a report writes is made of whole sentences, whatever words the scenario brought.</summary>
public sealed partial class ReportSentenceTests
{
    private static string ThreeDim => SeedFiles.File("scenarios", "worlds", "dummy-3dim.yaml");

    [Theory]
    [InlineData("up to three turns", "Up to three turns.")]
    [InlineData("  Ends well.  ", "Ends well.")]
    [InlineData("Asks (why?)", "Asks (why?)")]
    [InlineData("Quotes \"the gist.\"", "Quotes \"the gist.\"")]
    [InlineData("Wonders why not?", "Wonders why not?")]
    [InlineData("ends in a colon:", "Ends in a colon.")]
    [InlineData("", "")]
    public void Text_a_scenario_brings_becomes_a_whole_sentence(string about, string expected) =>
        Assert.Equal(expected, Shown.Sentence(about));

    [Fact]
    public async Task A_run_report_opens_with_the_scenarios_words_as_a_sentence_of_their_own()
    {
        // The quick forecast's own words, and words given without a capital or a full stop.
        var forecast = await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 0, ForecastModel.Smp));
        var world = WorldFile.Load(ThreeDim);
        var bare = await ScenarioRun.LocallyAsync(new LoadedScenario(ThreeDim, ThreeDim,
            new Scenario("bare", "three turns, no full stop", 0, world.ParametersFor(ModelParameters.Default), [new SmpTurnsStep("turns", 0, 3)]), world));

        Assert.Equal("Up to 100 turns of KTAB's spatial model of politics on dummy-3dim. World dummy-3dim, seed 0, 132 events; expectations: 0 passed, 0 failed. The charts are in report.html.",
            RunReportFiles.Markdown(forecast).Split('\n')[2]);
        Assert.StartsWith("Three turns, no full stop. World dummy-3dim, seed 0,", RunReportFiles.Markdown(bare).Split('\n')[2]);
        foreach (var run in new[] { forecast, bare })
            AssertSentences(RunReportFiles.Markdown(run), RunReportFiles.Html(run));
    }

    [Fact]
    public async Task Every_kind_of_report_writes_whole_sentences()
    {
        var fta = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var bargaining = await ScenarioRun.LocallyAsync(fta);
        AssertSentences(RunReportFiles.Markdown(bargaining), RunReportFiles.Html(bargaining));

        // 12 runs (the t approximation), 4 (exact, no noise band) and 3 (too few to rank).
        foreach (var runs in new[] { 12, 4, 3 })
        {
            var study = await WhatIfStudy.RunAsync(fta, new StudyOptions(runs, 42, 4, Engine.Local), SampleRuns.Local);
            AssertSentences(StudyReport.Markdown(study), StudyReport.Html(study));
        }

        var smp = StateDocument.Of(await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 100, 0, ForecastModel.Smp)));
        var other = StateDocument.Of(await ScenarioRun.LocallyAsync(Forecast.Of(ThreeDim, 2, 0, ForecastModel.Smp)));
        foreach (var comparison in new[] { Comparison.Of("a", smp, "b", other), Comparison.Of("a", smp, "b", smp) })
            AssertSentences(CompareReport.Markdown(comparison), CompareReport.Html(comparison));
    }

    /// <summary>
    /// Each Markdown paragraph (a line that is no heading and no table row) and each HTML paragraph and
    /// caption ends in ".", "!", "?" or "…" (a bold warning's closing ** aside), or is a bracketed
    /// placeholder such as "(none)".
    /// </summary>
    private static void AssertSentences(string markdown, string html)
    {
        var paragraphs = markdown.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith('|'))
            .Concat(Prose().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["text"].Value)))
            .ToList();
        Assert.NotEmpty(paragraphs);
        foreach (var paragraph in paragraphs)
        {
            var text = paragraph.Trim().TrimEnd('*');
            Assert.True(Whole().IsMatch(text) || Placeholder().IsMatch(text), $"not a whole sentence: '{paragraph}'");
        }
    }

    [GeneratedRegex("<(p|figcaption)[^>]*>(?<text>.*?)</(p|figcaption)>", RegexOptions.Singleline)]
    private static partial Regex Prose();

    [GeneratedRegex(@"[.!?…][)""'”’]*$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"^\([^()]*\)$")]
    private static partial Regex Placeholder();
}

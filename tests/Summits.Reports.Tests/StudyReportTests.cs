using Summits.Reports.Studies;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Reports.Tests;

public sealed class StudyReportTests
{
    [Fact]
    public async Task A_small_study_warns_that_its_ranking_can_show_only_strong_correlations()
    {
        // 12 runs: 10 degrees of freedom, where one pair needs |ρ| ≥ t / √(10 + t²) for p < 0.05, with the tables'
        // t₀.₉₇₅ = 2.228139: 2.228139 / √14.964603 = 0.575983, 0.576 at four decimals (its trailing zero dropped);
        // fewer than 30 runs is called small.
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(12, 42, 2, Engine.Local), SampleRuns.Local);
        Assert.True(study.SensitivityTest!.IsSmall);
        var html = StudyReport.Html(study);
        Assert.Contains("<p class=\"warning\">Only 12 runs: with fewer than 30, only correlations stronger than |ρ| = 0.576 can be told from noise", html);
        Assert.Contains("**Only 12 runs", StudyReport.Markdown(study));
    }

    [Fact]
    public async Task A_study_of_thirty_runs_or_more_gives_no_warning()
    {
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(30, 42, 2, Engine.Local), SampleRuns.Local);
        Assert.False(study.SensitivityTest!.IsSmall);
        Assert.DoesNotContain("class=\"warning\"", StudyReport.Html(study));
    }
}

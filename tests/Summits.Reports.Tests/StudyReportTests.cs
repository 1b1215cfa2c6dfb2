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
    public async Task Counts_of_one_in_the_sensitivity_notes_are_singular()
    {
        // A test over 3 runs (3 − 2 = 1 degree of freedom) that flags 1 of 523 pairs and leaves 1 final position out as
        // unmoved: each count of one takes the singular, and its verb agrees ("1 is significant", not "1 are").
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(12, 42, 2, Engine.Local), SampleRuns.Local);
        var one = study with { SensitivityTest = study.SensitivityTest! with { Runs = 3, Pairs = 523, Significant = 1, UnmovedOutcomes = 1 } };

        var notes = string.Join("\n", StudyReport.SensitivityNotes(one).Select(n => n.Text));

        Assert.Contains("Only 3 runs: with fewer than 30", notes);
        Assert.Contains("(t approximation, 1 degree of freedom). Over 523 pairs, 1 is significant at a 5% false discovery rate", notes);
        Assert.Contains("1 final position that no run moved is not an outcome: it only repeats its sampled or seeded value.", notes);
        Assert.DoesNotContain("1 are", notes);
        Assert.DoesNotContain("1 degrees", notes);
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

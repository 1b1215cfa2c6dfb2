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
        // fewer than 30 runs is called small. Under the t approximation a tied pair's printed p can be too small (an
        // agreement in force in 2 of 10 runs at ρ = 0.6963: t gives 0.0253, the exact count 2/45 = 0.0444), so the
        // caveat is that one, not that tied ranks need more.
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(12, 42, 2, Engine.Local), SampleRuns.Local);
        Assert.True(study.SensitivityTest!.IsSmall);
        var html = StudyReport.Html(study);
        Assert.Contains("<p class=\"warning\">Only 12 runs, fewer than 30: one pair on its own needs |ρ| of 0.576 or more to be told from noise (untied ranks; for tied ones, such as an agreement in force, the t approximation&#39;s p can be too small)", html);
        Assert.Contains("(t approximation, 10 degrees of freedom)", html);
        Assert.Contains("**Only 12 runs", StudyReport.Markdown(study));
        // The advice is the text output's, word for word: the runs under which a study is called small.
        Assert.Contains("the ranking of the weaker pairs means little; ask for --runs 30 or more before reading it.</p>", html);
        Assert.DoesNotContain("Run more samples", html);
    }

    [Fact]
    public async Task Counts_of_one_in_the_sensitivity_notes_are_singular()
    {
        // A test over 12 runs that flags the 1 pair it tested and leaves 1 final position out as unmoved: each count of
        // one takes the singular, and its verb agrees ("1 is significant", not "1 are").
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(12, 42, 2, Engine.Local), SampleRuns.Local);
        var one = study with { SensitivityTest = study.SensitivityTest! with { Pairs = 1, Significant = 1, UnmovedOutcomes = 1 } };

        var notes = string.Join("\n", StudyReport.SensitivityNotes(one).Select(n => n.Text));

        Assert.Contains("Only 12 runs, fewer than 30:", notes);
        Assert.Contains("(t approximation, 10 degrees of freedom). The pairs are every varying input against every varying outcome, except a sampled start against its own final position. Over 1 pair, 1 is significant at a 5% false discovery rate", notes);
        Assert.Contains("1 final position that no run moved is not ranked as an outcome: it only repeats its sampled or seeded start, so any spread it shows is the sampling's.", notes);
        Assert.DoesNotContain("1 are", notes);
        Assert.DoesNotContain("1 pairs", notes);
    }

    [Theory]
    [InlineData(3, "3 runs")]
    [InlineData(1, "1 run")]
    public async Task A_study_too_small_to_rank_says_so_in_both_reports_and_shows_no_empty_table(int runs, string counted)
    {
        // Fewer than 4 finished runs: nothing is ranked. The report says why, as a warning, with the runs that finished,
        // the 4 a ranking needs and the 5 that telling a pair from noise needs (over 4, |ρ| = 1 has p = 2/24 = 0.0833),
        // and asks for 30, the runs under which a study is called small; not that no input varied (66 did); no chart, and
        // no table header over no rows.
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(runs, 42, 2, Engine.Local), SampleRuns.Local);
        var html = StudyReport.Html(study);
        var markdown = StudyReport.Markdown(study);

        var sentence = $"Not ranked, the study is too small ({counted} finished; a ranking needs at least 4, and telling one pair from noise at least 5); ask for --runs 30 or more.";
        // The summary counts the finished runs of those asked for, the noun agreeing with the runs asked for: "1 of 1 run".
        Assert.Contains($"{counted.Split(' ')[0]} of {counted} on world", html);
        Assert.Contains($"<p class=\"warning\">{sentence}</p>", html);
        Assert.Contains($"**{sentence}**", markdown);
        foreach (var text in new[] { html, markdown })
        {
            Assert.DoesNotContain("No sampled input varied", text);
            Assert.DoesNotContain("Each ρ is tested", text);
        }
        Assert.DoesNotContain("| ρ | p |", markdown);
        Assert.DoesNotContain("data-chart=\"sensitivity\"", html);

        // Had the same study asked for 10 runs and been stopped, asking for 4 would be wrong advice: it is told to let
        // the study finish, the count still that of the runs that finished.
        var stopped = StudyReport.Html(study with { Runs = 10, Stopped = true });
        Assert.Contains($"<p class=\"warning\">Not ranked, the study stopped before enough runs finished ({counted} finished; a ranking needs at least 4, and telling one pair from noise at least 5); let it finish.</p>", stopped);
        Assert.DoesNotContain("--runs 4", stopped);
    }

    [Fact]
    public async Task Over_four_runs_the_report_names_the_exact_test_and_says_no_pair_can_be_told_from_noise()
    {
        // 4 runs: every p is the share of the 4! = 24 pairings at least as strong, the smallest 2/24 = 0.0833, so nothing
        // is flagged and there is no noise band: no band drawn, no count of pairs "beyond the band" by chance.
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(4, 42, 2, Engine.Local), SampleRuns.Local);
        var notes = string.Join("\n", StudyReport.SensitivityNotes(study).Select(n => n.Text));

        Assert.Contains("Only 4 runs: over so few no correlation can be told from noise, not even a perfect one (|ρ| = 1 has p = 0.0833)", notes);
        // The reason is the 4 runs (2/24), not the 30 under which a study is called small: 5 runs can tell |ρ| = 1.
        Assert.DoesNotContain("with fewer than 30", notes);
        Assert.Contains("Each ρ is tested against no association (exact permutation test: p is the share of the 4! = 24 equally likely pairings", notes);
        Assert.Contains(", 0 are significant at a 5% false discovery rate", notes);
        Assert.DoesNotContain("t approximation", notes);
        Assert.DoesNotContain("would still show", notes);
        // The chart draws no band, and its subtitle says why.
        var html = StudyReport.Html(study);
        Assert.DoesNotContain("noise band", html);
        Assert.Contains("; over 4 runs no single pair can be told from noise", html);
        // Nor does its caption speak of a shaded band: it says none is drawn, and why (2/24 = 0.0833 as above).
        Assert.DoesNotContain("shaded band", html);
        Assert.Contains("grey bars are not; no band is drawn: over 4 runs no single pair can be told from noise, since even |ρ| = 1 has p = 0.0833.", html);
    }

    [Fact]
    public async Task Over_five_runs_the_caption_says_only_a_perfect_correlation_falls_outside_the_band()
    {
        // 5 runs: |ρ| = 1 has p = 2/120 = 0.017 and the next |ρ|, 0.9, p = 10/120 = 0.083, so the band is 1 and spans the
        // whole axis from −1 to 1: "where one pair alone would not be" would be every bar. The caption names |ρ| = 1.
        // (The study's test is that of 6 runs, given the 5-run band.)
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(6, 42, 2, Engine.Local), SampleRuns.Local);
        var five = study with { SensitivityTest = study.SensitivityTest! with { Runs = 5, NoiseBand = 1 } };
        var html = StudyReport.Html(five);

        // A tied outcome may not get there at all: an agreement in force in 1 of 5 runs, perfectly separated, has p = 2/5.
        Assert.Contains("grey bars are not; the shaded band covers the whole axis but its ends: over 5 runs a single pair is within noise unless |ρ| = 1 (untied ranks; a tied outcome, such as an agreement in force, may not reach p &lt; 0.05 at all).", html);
        Assert.DoesNotContain("inside the shaded band", html);
        // The chance count speaks of |ρ| = 1, the only value at the band. The FTA study over 5 runs, seed 42, has 457 pairs:
        // 320 of an untied input against an untied final position, each at |ρ| = 1 in 2 of the 5! = 120 pairings; 130 of an
        // untied input against an agreement in force in 2 of the runs and 5 of the US strategy (chosen from two, in 2 of the
        // runs) against a position, none of which can reach |ρ| = 1 (distinct ranks against two values never lie on a
        // line); and 2 of the strategy against an agreement, both 2 of 5, at ρ = 1 when the two runs coincide, 1 of the
        // C(5, 2) = 10 placements. 320/60 + 2/10 = 5.333 + 0.2 = 5.533, shown 5.5; counting every pair as untied gave
        // 457/60 = 7.6.
        var counted = five with { SensitivityTest = five.SensitivityTest! with { Pairs = 457, ExpectedByChance = 320.0 / 60 + 2.0 / 10 } };
        var notes = string.Join("\n", StudyReport.SensitivityNotes(counted).Select(n => n.Text));
        Assert.Contains("Had no input anything to do with any outcome, about 5.5 of the 457 pairs would show |ρ| = 1 by chance alone (each pair's exact chance under its own ties, summed).", notes);
    }

    [Fact]
    public async Task Over_six_runs_the_chance_count_uses_the_exact_share_beyond_the_band()
    {
        // 6 runs: the band is 31/35 = 0.8857, and 24 of the 720 pairings of untied ranks reach it (1/30, not 5%). The FTA
        // study, seed 42, has 66 inputs (65 drawn from intervals, untied, and the US strategy, chosen from two, in 2 of
        // the runs) against 7 outcomes (5 final positions, untied, and 2 agreements, each in force in 2 of the runs), less
        // the 5 inputs' own final values: 457 pairs. An untied input against an agreement of 2 in 6 reaches at most
        // |ρ| = √(48/70) = 0.8281 (a: −5, −3, −1, 1, 3, 5; b: −2 ×4, +4 ×2; Σab ≤ 4·8 + 2·8 = 48), and the strategy against
        // a position likewise: 135 pairs that add 0. The strategy against an agreement (both 2 of 6) reaches it only when
        // its two runs fall on the agreement's two, 1 of C(6, 2) = 15 placements. So 320/30 + 2/15 = 10.667 + 0.133 =
        // 10.8, where 457/30 = 15.2 counted every pair as untied (and the t approximation's 5% would have said 22.9).
        // 6! = 720 pairings named.
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var six = await WhatIfStudy.RunAsync(loaded, new StudyOptions(6, 42, 2, Engine.Local), SampleRuns.Local);
        var notes = string.Join("\n", StudyReport.SensitivityNotes(six).Select(n => n.Text));

        Assert.Equal(457, six.SensitivityTest!.Pairs);
        Assert.Equal(320.0 / 30 + 2.0 / 15, six.SensitivityTest.ExpectedByChance!.Value, 9);
        // The JSON keeps it to 6 decimals, as ρ: 10.8, not the sum's 10.799999999999972.
        Assert.Contains("\"expectedByChance\": 10.8,", StudyFiles.Json(six));
        Assert.Contains("one pair on its own needs |ρ| of 0.8857 or more to be told from noise (untied ranks; tied ones can need more)", notes);
        Assert.Contains("share of the 6! = 720 equally likely pairings", notes);
        Assert.Contains("The pairs are every varying input against every varying outcome, except a sampled start against its own final position. Over 457 pairs, 0 are significant", notes);
        Assert.Contains("Had no input anything to do with any outcome, about 10.8 of the 457 pairs would show |ρ| ≥ 0.8857 by chance alone (each pair's exact chance under its own ties, summed).", notes);
        // The chart's caption gives the band and says a pair inside it would be within noise even on its own.
        Assert.Contains("grey bars are not; inside the shaded band (|ρ| &lt; 0.8857) a pair would be within noise even on its own (untied ranks).", StudyReport.Html(six));
    }

    [Fact]
    public async Task A_sensitivity_table_cut_to_the_strongest_pairs_says_so_under_it()
    {
        // The 6-run FTA study ranks 457 pairs and flags none: the table (and the chart) keep the 15 strongest, and every
        // flagged one (none here), at most 40: the 15 strongest of 457. Both reports say so under the table and point to
        // the CSV.
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(6, 42, 2, Engine.Local), SampleRuns.Local);
        const string Cut = "The table shows the 15 strongest of the 457 pairs; sensitivity.csv lists every pair.";

        var markdown = StudyReport.Markdown(study);
        Assert.Contains(Cut, markdown);
        Assert.True(markdown.IndexOf(Cut, StringComparison.Ordinal) > markdown.IndexOf("| ρ | p |", StringComparison.Ordinal), "under the table");
        Assert.Contains($"<p class=\"note\">{Cut}</p>", StudyReport.Html(study));

        // A table that shows every pair says nothing of the kind: the same study cut to its 15 strongest pairs.
        var whole = study with { Sensitivity = [.. study.Sensitivity.Take(15)] };
        Assert.DoesNotContain("The table shows", StudyReport.Markdown(whole));
    }

    [Fact]
    public async Task A_cut_table_names_the_flagged_pairs_it_shows_and_the_cap_when_they_overflow_it()
    {
        // The same 457 pairs, strongest first, with some flagged by hand. Pairs 1, 2 and 20 flagged: the table keeps the
        // 15 strongest and pair 20, 16 rows; 1 flagged pair lies beyond the 15, 3 in all.
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(6, 42, 2, Engine.Local), SampleRuns.Local);
        var three = study with { Sensitivity = [.. study.Sensitivity.Select((p, i) => i is 0 or 1 or 19 ? p with { Significant = true } : p)] };
        Assert.Contains("The table shows 16 of the 457 pairs: the 15 strongest and the 1 flagged pair beyond them (3 flagged in all); sensitivity.csv lists every pair.", StudyReport.Markdown(three));

        // Pairs 1 to 8 flagged, all among the 15 strongest: the table is those 15, and the note says 8 of them are
        // flagged, rather than "the 15 strongest and the 8 flagged", which reads as 23 rows.
        var eight = study with { Sensitivity = [.. study.Sensitivity.Select((p, i) => i < 8 ? p with { Significant = true } : p)] };
        Assert.Contains("The table shows the 15 strongest of the 457 pairs, 8 of them flagged; sensitivity.csv lists every pair.", StudyReport.Markdown(eight));

        // Pairs 11 to 60 flagged (50): the 15 strongest and those 50 are 60 pairs (the first 15 overlap 5 of them: pairs
        // 11 to 15), more than the 40 a table holds, so it shows the first 40 of the 60, strongest first.
        var fifty = study with { Sensitivity = [.. study.Sensitivity.Select((p, i) => i is >= 10 and < 60 ? p with { Significant = true } : p)] };
        Assert.Contains("The table shows 40 of the 457 pairs: the first 40, strongest first, of the 60 that are among the 15 strongest or flagged (50 flagged); sensitivity.csv lists every pair.", StudyReport.Markdown(fifty));
    }

    [Theory]
    // 0.25 to one decimal, half away from zero as every figure is: 0.3 (half to even would give 0.2).
    [InlineData(5, 0.25, "about 0.3 of the 5 pairs would show |ρ| ≥ 0.8857 by chance alone (each pair's exact chance under its own ties, summed)")]
    // 1/30 = 0.033 rounds to 0 at one decimal, yet a pair could reach the band: under 0.1, not "about 0".
    [InlineData(1, 1.0 / 30, "under 0.1 of the 1 pair would show |ρ| ≥ 0.8857 by chance alone (each pair's exact chance under its own ties, summed)")]
    // 0: every pair's ranks too tied to reach the band in any pairing.
    [InlineData(132, 0.0, "none of the 132 pairs can reach |ρ| ≥ 0.8857 at all, their ranks being too tied")]
    public void The_chance_count_is_rounded_as_every_figure_and_says_when_it_is_tiny_or_none(int pairs, double expected, string words)
    {
        var test = new SensitivityTest(6, pairs, 0.05, 0.8857, 0, 0, expected);
        Assert.Equal(words, SensitivityWords.ByChance(test));
    }

    [Fact]
    public void With_no_pair_ranked_there_is_no_chance_count_and_no_none_can_reach()
    {
        // A study whose inputs varied with no outcome ranks 0 pairs; its count by chance is 0, but there is nothing for it
        // to be of: no sentence, so the report does not follow "No sampled input varied together with an outcome." with
        // "none of the 0 pairs can reach".
        var test = new SensitivityTest(6, 0, 0.05, 0.8857, 0, 0, 0);
        Assert.Null(SensitivityWords.ByChance(test));
        Assert.False(SensitivityWords.NoneCanReach(test));
    }

    [Fact]
    public void Under_the_t_approximation_the_chance_count_says_tied_ranks_can_move_it()
    {
        // 12 runs, 523 pairs: 523 × 0.05 = 26.15, shown 26.2 (half away from zero); the t approximation puts 5% at the band
        // for untied ranks only.
        var test = new SensitivityTest(12, 523, 0.05, 0.576, 0, 0, 26.15);
        Assert.Equal("about 26.2 of the 523 pairs would show |ρ| ≥ 0.576 by chance alone (5% of each, the t approximation's share, which tied ranks can make more or less)", SensitivityWords.ByChance(test));
    }

    [Fact]
    public async Task Both_reports_list_each_expectation_with_its_step_line_and_share()
    {
        // The baseline scenario's five expect steps, in the file's order: their ids follow their places (the rounds step
        // is step 1), their `- expect:` lines are 26, 29, 32, 35 and 38, and each names what it expects.
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "baseline.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(6, 42, 2, Engine.Local), SampleRuns.Local);
        var markdown = StudyReport.Markdown(study);
        var html = StudyReport.Html(study);

        Assert.Contains("## Expectations", markdown);
        // Each row says all its expectation asks (baseline.yaml: parties [JP, US], value 93, status holding on
        // north-korea; value [89, 90] on the sanctions; [68.75, 80.75] on procurement), so that an expectation held in
        // fewer runs than its topic's agreement is in force reads as the narrower thing it is.
        foreach (var row in new[] { "| agreement on north-korea between JP and US, at 93, holding | step-2 | 26 | ", "| no event agreement-strained | step-3 | 29 | ",
                     "| agreement on north-korea-sanctions between JP and US, in [89, 90] | step-4 | 32 | ",
                     "| agreement on defense-procurement between JP and US, in [68.75, 80.75] | step-5 | 35 | ", "| no agreement on bilateral-fta | step-6 | 38 | " })
            Assert.Contains(row, markdown);
        Assert.Contains("<h2>Expectations</h2>", html);
        Assert.Contains("<td>no agreement on bilateral-fta</td>", html);
    }

    [Fact]
    public async Task Both_reports_give_each_expectation_s_reason_beside_it()
    {
        // us-presses-bilateral-fta.yaml's first expect step, step-4 at line 44, with its `because:` copied by hand from the
        // file's line 46. Over 6 runs Japan rejects the ask of 80 in every one: 6 of 6, whose 95% Wilson interval, with
        // z²/n = 3.8415 / 6 = 0.6403, runs from 1 / 1.6403 = 0.6097 to 1: "100.0% [61.0, 100.0]".
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(6, 42, 2, Engine.Local), SampleRuns.Local);
        const string because = "80 lies beyond Japan's reservation value 36.25, so it is worth less to Japan than no deal (its BATNA).";

        var markdown = StudyReport.Markdown(study);
        Assert.Contains("| expectation | step | line | held in | because |\n", markdown);
        Assert.Contains($"| event reject by JP from fta-ask | step-4 | 44 | 100.0% [61.0, 100.0] | {because} |\n", markdown);
        var html = StudyReport.Html(study);
        Assert.Contains("<th>because</th>", html);
        Assert.Contains("<td>100.0% [61.0, 100.0]</td><td>80 lies beyond Japan&#39;s reservation value 36.25, so it is worth less to Japan than no deal (its BATNA).</td>", html);
    }

    [Fact]
    public void The_because_column_is_there_only_when_a_step_gives_a_reason_and_a_reason_of_several_lines_keeps_to_its_row()
    {
        // 1 of 1 runs; its Wilson interval, 1 / (1 + 3.8415) = 0.2065 to 1, is shown "[20.7, 100.0]".
        var held = Proportion.Of(1, 1);
        ExpectationOdds plain = new("step-2", 8, "agreement on t", held);
        var without = new StudyResult("0.0.0", "s", "", "w", 5, Engine.Local, 1, 1, false, [], [], held, [], [], EachExpectation: [plain]);
        Assert.Contains("| expectation | step | line | held in |\n", StudyReport.Markdown(without));
        Assert.DoesNotContain("because", StudyReport.Html(without));

        // A reason written as a YAML block holds line breaks; in the Markdown table each is a space, so the row stays one
        // line. A step without a reason beside one that has one gets an empty cell.
        var with = without with { EachExpectation = [plain with { Because = "the window\nis wide." }, plain with { Step = "step-3", Line = 11 }] };
        var markdown = StudyReport.Markdown(with);
        Assert.Contains("| agreement on t | step-2 | 8 | 100.0% [20.7, 100.0] | the window is wide. |\n", markdown);
        Assert.Contains("| agreement on t | step-3 | 11 | 100.0% [20.7, 100.0] |  |\n", markdown);
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

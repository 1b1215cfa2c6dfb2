using System.Collections.Immutable;
using Summits.Cli.Output;
using Summits.Scenarios;

namespace Summits.Cli.Tests;

/// <summary>
/// A study's tables at the normal level are bounded as the run's summary is under -q: a wide world's 600 agreements
/// and 6,000 final positions are not all printed unless -v detailed asks for every row; and a study that sampled
/// nothing, or finished too few runs to rank, says so instead of printing an empty list and an empty table or a false reason.
/// </summary>
public sealed class StudyTextBoundTests
{
    private static readonly Proportion Never = new(0, 5, 0, 0, 0.43);
    private static readonly Proportion Always = new(5, 5, 1, 0.57, 1);

    /// <summary>
    /// The study of the wide world (10 actors × 600 topics, 5 runs, nothing sampled): topics T001 to T268 in force at the
    /// end of every run, the rest never; the final position of row k (0 to 5,999, topic by topic, actor by actor) has
    /// the standard deviation 0.001·k, so that the 50 that varied most are the last 50 rows, T596 to T600.
    /// </summary>
    private static StudyResult Wide()
    {
        var agreements = Enumerable.Range(1, 600).Select(t => new AgreementOdds($"T{t:000}", t <= 268 ? Always : Never, Never)).ToImmutableArray();
        var positions = Enumerable.Range(0, 6000).Select(k => new Distribution($"A{k % 10 + 1:00}", $"T{k / 10 + 1:000}", 50, 5, 50, 0.001 * k, 49, 50, 51, 49, 51, [])).ToImmutableArray();
        return new StudyResult("0.0.0", "wide", "", "generated-10x600-seed-5", 1, Engine.Local, 5, 5, false, [], agreements, null, positions, []);
    }

    [Fact]
    public void Normal_level_shows_at_most_fifty_rows_of_each_table_and_says_where_the_rest_are()
    {
        var output = new StringWriter();
        StudyText.Write(output, Wide(), 200);
        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

        // 50 agreement rows: the 268 always in force rank first, and of them the first 50 in the study's order, T001
        // to T050; 600 − 50 = 550 more. 50 position rows, T596 to T600 (10 actors each); 6,000 − 50 = 5,950 more.
        Assert.Contains(lines, l => l.StartsWith("  T050 ", StringComparison.Ordinal) && l.EndsWith("100.0% [57.0, 100.0]  0.0% [0.0, 43.0]", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("  T051 ", StringComparison.Ordinal));
        Assert.Contains("  and 550 more topics less often in force or made (-v detailed lists every one; -o DIR writes them all to agreements.csv)", lines);
        Assert.Contains("Final positions over the runs: the 50 that varied most (sd) of 6,000", lines);
        Assert.Equal(50, lines.Count(l => l.StartsWith("  T59", StringComparison.Ordinal) || l.StartsWith("  T600", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("  T595 ", StringComparison.Ordinal));
        Assert.Contains("  and 5,950 more positions that varied less (-v detailed lists every one; -o DIR writes them all to positions.csv)", lines);
        // The whole: a heading, the inputs line, two tables of 50 rows with their headings, headers and notes, the
        // sensitivity line: under 130 lines, where every row made 6,615.
        Assert.True(lines.Length < 130, $"{lines.Length} lines");
    }

    [Fact]
    public void The_expectations_line_is_followed_by_how_often_each_held()
    {
        // 5 runs: every expectation held in none, the first in all 5, the second in none. The one line alone ("0.0%")
        // would not say which failed; the table under it does, with each expectation's step and line.
        var study = Wide() with
        {
            Expectations = Never,
            EachExpectation = [new ExpectationOdds("step-2", 26, "agreement on north-korea", Always), new ExpectationOdds("step-6", 38, "no agreement on bilateral-fta", Never)],
        };
        var output = new StringWriter();
        StudyText.Write(output, study, 200);
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');

        var at = Array.IndexOf(lines, "Every expectation held in 0.0% [0.0, 43.0] of runs");
        Assert.True(at >= 0);
        Assert.Equal("  expectation                    step    line  held in", lines[at + 1]);
        Assert.Equal("  agreement on north-korea       step-2  26    100.0% [57.0, 100.0]", lines[at + 2]);
        Assert.Equal("  no agreement on bilateral-fta  step-6  38    0.0% [0.0, 43.0]", lines[at + 3]);
    }

    [Fact]
    public void One_expectation_is_named_by_its_line_alone()
    {
        var study = Wide() with { Expectations = Always, EachExpectation = [new ExpectationOdds("step-2", 26, "agreement on north-korea", Always)] };
        var output = new StringWriter();
        StudyText.Write(output, study, 200);

        Assert.Contains("Every expectation held in 100.0% [57.0, 100.0] of runs", output.ToString());
        Assert.DoesNotContain("held in\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_study_that_sampled_nothing_says_so_without_empty_tables()
    {
        var output = new StringWriter();
        StudyText.Write(output, Wide(), 200);
        var text = output.ToString();

        // Before: "0 sampled inputs:" followed by nothing, and "the 0 strongest of 0" over an empty header row.
        Assert.Contains("No input is sampled: the world gives no ranges and the scenario varies nothing, so the runs differ only by their random draws.\n", text);
        Assert.Contains("\nSensitivity: nothing to rank, since no input is sampled\n", text);
        Assert.DoesNotContain("0 sampled inputs", text);
        Assert.DoesNotContain("strongest of 0", text);
        Assert.DoesNotContain("outcome", text);
    }

    /// <summary>
    /// A study of the FTA scenario's kind that sampled one input and finished <paramref name="finished"/> of
    /// <paramref name="runs"/> runs, with no sensitivity ranked and the test that says why.
    /// </summary>
    private static StudyResult Small(int runs, int finished) =>
        Wide() with
        {
            Runs = runs,
            Finished = finished,
            Stopped = finished < runs,
            Inputs = [new InputSummary("position JP bilateral-fta", 10, 30, null)],
            SensitivityTest = new SensitivityTest(finished, 0, 0.05, null, 0, 0),
        };

    [Theory]
    [InlineData(3, 3, "3 runs")]
    [InlineData(1, 1, "1 run")]
    public void A_study_too_small_to_rank_says_so_with_the_runs_it_finished_and_the_runs_it_needs(int runs, int finished, string counted)
    {
        // An input varied, but fewer than 4 runs finished (a ranking needs 4, and telling one pair from noise 5, since
        // over 4 runs even |ρ| = 1 has p = 2/4! = 0.0833) of the runs asked for: the line says the study is too small,
        // with the count of finished runs, and to ask for 30, the runs below which a study is called small; not
        // that nothing varied, nor to ask for 4, where nothing can be flagged.
        var output = new StringWriter();
        StudyText.Write(output, Small(runs, finished), 200);
        var text = output.ToString();

        Assert.Contains($"\nSensitivity: not ranked, the study is too small ({counted} finished; a ranking needs at least 4, and telling one pair from noise at least 5); ask for --runs 30 or more\n", text);
        Assert.DoesNotContain("no sampled input varied", text);
    }

    [Fact]
    public void A_study_stopped_before_four_runs_finished_is_told_to_let_it_finish()
    {
        // 10 runs asked for, enough to rank, but stopped after 2: asking for --runs 4 would be wrong advice. The line
        // counts the 2 runs that finished, not the 10 asked for, and says the study stopped before enough finished.
        var output = new StringWriter();
        StudyText.Write(output, Small(10, 2), 200);
        var text = output.ToString();

        Assert.Contains("\nSensitivity: not ranked, the study stopped before enough runs finished (2 runs finished; a ranking needs at least 4, and telling one pair from noise at least 5); let it finish\n", text);
        Assert.DoesNotContain("--runs 4", text);
    }

    [Fact]
    public void A_study_of_four_runs_stopped_early_is_asked_for_more_not_told_to_finish()
    {
        // 4 runs asked for, stopped after 3: finished, it could rank but flag nothing (over 4 runs |ρ| = 1 has p = 2/4! =
        // 0.0833), so "let it finish" would be wrong advice: it is asked for 30 runs as a study too small is.
        var output = new StringWriter();
        StudyText.Write(output, Small(4, 3), 200);
        var text = output.ToString();

        Assert.Contains("\nSensitivity: not ranked, the study is too small (3 runs finished; a ranking needs at least 4, and telling one pair from noise at least 5); ask for --runs 30 or more\n", text);
        Assert.DoesNotContain("let it finish", text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_test_that_ranked_nothing_has_no_lines(int runs)
    {
        // Under 4 runs nothing was ranked: no "* = significant" line, no noise band, no warning over pairs that are not
        // there (and no p of |ρ| = 1 asked for over 1 run).
        Assert.Empty(StudyText.SensitivityLines(Small(runs, runs)));
    }

    [Fact]
    public void Over_four_runs_the_test_says_no_single_pair_can_be_told_from_noise()
    {
        // 4 runs: the smallest two-sided p of any pair is 2/4! = 2/24 = 0.0833, so there is no noise band to print; the
        // line says so, with that p at four decimals, and the warning does not promise that strong correlations show.
        var study = Small(4, 4) with { SensitivityTest = new SensitivityTest(4, 457, 0.05, null, 0, 27) };
        var lines = StudyText.SensitivityLines(study).ToList();

        Assert.EndsWith("0 flagged; over 4 runs no single pair can be told from noise, since even |ρ| = 1 has p = 0.0833.", lines[0]);
        // Said once: the warning does not repeat that nothing can be told from noise.
        Assert.Equal("  Warning: 4 runs is a small sample (under 30); the order of the pairs means little; ask for --runs 30 or more.", lines[^1]);
        Assert.Single(lines, l => l.Contains("told from noise", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("below", StringComparison.Ordinal));
    }

    [Fact]
    public void Over_five_runs_only_a_perfect_correlation_is_out_of_the_noise()
    {
        // 5 runs: |ρ| = 1 has p = 2/5! = 2/120 = 0.017, the next |ρ|, 0.9, p = 10/120 = 0.083: the band is 1, and "|ρ| below 1
        // is within noise" would read as a band; the line names the one value that is not.
        var study = Small(5, 5) with { SensitivityTest = new SensitivityTest(5, 457, 0.05, 1, 0, 27) };

        // Untied ranks only: an agreement in force in 1 of the 5 runs, perfectly separated, has p = 2/5 (2 of the 5 places).
        Assert.EndsWith("0 flagged; over 5 runs a single pair is within noise unless |ρ| = 1 (untied ranks; a tied outcome, such as an agreement in force, may not reach p < 0.05 at all).", StudyText.SensitivityLines(study).First());
    }

    [Theory]
    [InlineData(4, "exact permutation test")]
    [InlineData(9, "exact permutation test")]
    [InlineData(10, "t approximation")]
    [InlineData(200, "t approximation")]
    public void The_flagged_line_names_the_test_the_p_values_came_from(int runs, string test)
    {
        // Up to 9 runs every p is exact (the n! pairings counted, at most 9! = 362,880), from 10 runs the t approximation,
        // which is more lenient; the line says which, so that a p that jumps from 9 runs to 10 is explained where it is read.
        var study = Small(runs, runs) with { SensitivityTest = new SensitivityTest(runs, 457, 0.05, null, 0, 27) };

        Assert.StartsWith($"  * = significant at a 5% false discovery rate over the 457 pairs tested ({test}, Benjamini–Hochberg): 0 flagged;",
            StudyText.SensitivityLines(study).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_line_after_the_flagged_one_says_which_pairs_are_tested()
    {
        // 66 inputs against 7 outcomes would be 462 pairs; the 5 sampled start positions are not ranked against their own
        // final positions, so 457, and the line under the flagged one says why the count is not the product.
        var study = Small(6, 6) with { SensitivityTest = new SensitivityTest(6, 457, 0.05, 31.0 / 35, 0, 27) };

        Assert.Equal("  The pairs: every varying input against every varying outcome, except a sampled start against its own final position.",
            StudyText.SensitivityLines(study).ElementAt(1));
    }

    [Fact]
    public void A_small_study_whose_pairs_cannot_reach_the_band_says_none_can_be_flagged()
    {
        // 6 runs, 132 pairs, each an untied input against an agreement in force in 3 of the 6 runs: at most
        // |ρ| = √(54/70) = 0.8783 (a: −5, −3, −1, 1, 3, 5; b: −3 ×3, +3 ×3, Σb² = 54; Σab ≤ 3·(5 + 3 + 1) + 3·(5 + 3 + 1)
        // = 54, 54/√(70·54) = √(54/70)), short of the band 31/35 = 0.8857: expected 0 by chance, and none can be flagged,
        // not "few if any".
        var study = Small(6, 6) with { SensitivityTest = new SensitivityTest(6, 132, 0.05, 31.0 / 35, 0, 0, 0) };

        Assert.Equal("  Warning: 6 runs is a small sample (under 30); only strong correlations can be told from noise, and none of the 132 pairs can reach |ρ| ≥ 0.8857 at all, their ranks being too tied, so none can be flagged; ask for --runs 30 or more.",
            StudyText.SensitivityLines(study).Last());
    }

    [Fact]
    public void A_noise_band_is_said_to_hold_for_untied_ranks()
    {
        // 6 runs: the band is 31/35 = 0.8857 for untied ranks (the tables' 0.886); a pair with tied ranks, an agreement in
        // force in some runs, can need more, and the line says so rather than promise that 0.8857 is enough.
        var study = Small(6, 6) with { SensitivityTest = new SensitivityTest(6, 457, 0.05, 31.0 / 35, 0, 27) };

        Assert.EndsWith("a single pair's |ρ| below 0.8857 is within noise over 6 runs (untied ranks; tied ones can need more).",
            StudyText.SensitivityLines(study).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_studys_warning_counts_the_pairs_that_would_reach_the_band_by_chance()
    {
        // The FTA study over 6 runs, seed 42: 66 inputs (65 drawn from intervals, untied, and the US strategy, chosen from
        // two, in 2 of the runs) against 7 outcomes (5 final positions, untied, and 2 agreements, each in force in 2 of the
        // runs), less the 5 inputs' own final values: 457 pairs. The band is 31/35 = 0.8857, reached by 24 of the 720
        // pairings of untied ranks (1/30). An untied input against an agreement of 2 in 6 reaches at most
        // √(48/70) = 0.8281, and the strategy against a position likewise: 0. The strategy against an agreement (both 2 of
        // 6) reaches it only when its two runs fall on the agreement's two, 1 of C(6, 2) = 15 placements. So 320 × 1/30 +
        // 2 × 1/15 = 10.667 + 0.133 = 10.8, where 457/30 = 15.2 counted every pair as untied. The line gives that figure,
        // says how it was had, and asks for the runs under which a study is called small.
        var study = Small(6, 6) with { SensitivityTest = new SensitivityTest(6, 457, 0.05, 31.0 / 35, 0, 27, 320.0 / 30 + 2.0 / 15) };

        Assert.Equal("  Warning: 6 runs is a small sample (under 30); only strong correlations can be told from noise, and about 10.8 of the 457 pairs would show |ρ| ≥ 0.8857 by chance alone (each pair's exact chance under its own ties, summed), so few if any can be flagged; ask for --runs 30 or more.",
            StudyText.SensitivityLines(study).Last());
    }

    [Fact]
    public void Under_the_t_approximation_the_chance_count_says_it_takes_five_percent_of_each_pair()
    {
        // 12 runs, 523 pairs: the t approximation puts 5% of any pair's pairings beyond its band, so 523 × 0.05 = 26.15,
        // shown 26.2 (rounded to one decimal, half away from zero as every figure is), and the line says whose share that is.
        var study = Small(12, 12) with { SensitivityTest = new SensitivityTest(12, 523, 0.05, 0.575983, 0, 27, 523 * 0.05) };

        Assert.Contains("and about 26.2 of the 523 pairs would show |ρ| ≥ 0.576 by chance alone (5% of each, the t approximation's share, which tied ranks can make more or less), so few",
            StudyText.SensitivityLines(study).Last(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(27, "  27 final positions that no run moved are not ranked as outcomes: each only repeats its sampled or seeded start, so any spread they show is the sampling's.")]
    [InlineData(1, "  1 final position that no run moved is not ranked as an outcome: it only repeats its sampled or seeded start, so any spread it shows is the sampling's.")]
    public void The_positions_no_run_moved_are_said_to_show_only_their_sampled_spread(int unmoved, string line)
    {
        // The final positions table shows a spread for a position no run moved: that of its sampled start. The line that
        // leaves it out of the outcomes says so, in the number of its count.
        var study = Small(6, 6) with { SensitivityTest = new SensitivityTest(6, 457, 0.05, 31.0 / 35, 0, unmoved, 10.8) };

        Assert.Contains(line, StudyText.SensitivityLines(study));
    }

    [Theory]
    [InlineData(1, 1, "1 of 1 run,")]
    [InlineData(2, 1, "1 of 2 runs,")]
    [InlineData(10, 10, "10 of 10 runs,")]
    public void The_headline_counts_the_runs_in_the_number_of_the_runs_asked_for(int runs, int finished, string counted)
    {
        // "1 of 1 runs" read wrongly: the noun agrees with the whole (runs asked for), as "1 of 2 runs" does. The heading,
        // the one-line summary and a stopped study's last line all count so.
        var study = Small(runs, finished);
        var output = new StringWriter();
        StudyText.Write(output, study, 200);
        var text = output.ToString();

        Assert.Contains($": {counted} seed 1, engine local\n", text.ReplaceLineEndings("\n"));
        Assert.Contains($": {counted} seed 1;", StudyText.Summary(study));
        if (study.Stopped)
            Assert.Contains($"Stopped after {counted.TrimEnd(',')};", text);
        Assert.DoesNotContain("of 1 runs", text);
    }

    [Fact]
    public void Under_the_t_approximation_a_small_studys_band_warns_of_a_tied_pairs_p_and_a_large_ones_not()
    {
        // 12 runs, t approximation: a tied pair's printed p can be too small (an agreement in force in 2 of 10 runs,
        // perfectly separated: ρ = (9.5 − 4.5) / √8.25 · √(0.2 · 0.8) = 0.6963, t = 2.744 on 8 degrees of freedom gives
        // p = 0.0253 where the exact count is 2/C(10, 2) = 2/45 = 0.0444), so the caveat says so; at 200 runs none.
        var twelve = Small(12, 12) with { SensitivityTest = new SensitivityTest(12, 457, 0.05, 0.575983, 0, 27) };
        var many = Small(200, 200) with { SensitivityTest = new SensitivityTest(200, 457, 0.05, 0.1388, 0, 27) };

        Assert.EndsWith("a single pair's |ρ| below 0.576 is within noise over 12 runs (untied ranks; for tied ones, such as an agreement in force, the t approximation's p can be too small).",
            StudyText.SensitivityLines(twelve).First(), StringComparison.Ordinal);
        Assert.EndsWith("a single pair's |ρ| below 0.1388 is within noise over 200 runs.", StudyText.SensitivityLines(many).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Detailed_level_shows_every_row()
    {
        var output = new StringWriter();
        StudyText.Write(output, Wide(), 200, every: true);
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');

        // Every one of the 600 topics and 6,000 positions, and no line saying more are elsewhere.
        Assert.Equal(600, lines.Count(l => l.StartsWith("  T", StringComparison.Ordinal) && !l.Contains(" A", StringComparison.Ordinal)));
        Assert.Equal(6000, lines.Count(l => l.StartsWith("  T", StringComparison.Ordinal) && l.Contains(" A", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("more topics", StringComparison.Ordinal) || l.Contains("more positions", StringComparison.Ordinal));
    }
}

using Summits.Tests;
namespace Summits.Scenarios.Tests;

public sealed class SensitivityTests
{
    [Fact]
    public void The_noise_band_is_the_critical_correlation_of_the_tables()
    {
        // Critical |r| at the 5% level, two-sided, from the t quantile: n = 12 (10 degrees of freedom),
        // t = 2.228, r = 2.228 / √(10 + 2.228²) = 0.576; n = 200 (198 df), t = 1.972, r = 1.972 / √(198 + 3.889) = 0.139.
        // Published tables of critical values of the correlation coefficient give 0.576 for 10 df.
        Assert.Equal(0.576, SensitivityRanking.NoiseBand(12)!.Value, 3);
        Assert.Equal(0.139, SensitivityRanking.NoiseBand(200)!.Value, 3);
        Assert.Null(SensitivityRanking.NoiseBand(3));
    }

    [Fact]
    public void Up_to_nine_runs_the_noise_band_is_the_exact_critical_value_of_the_published_tables()
    {
        // Untied ranks, ρ = 1 − 6·Σd² / (n(n² − 1)), every one of the n! pairings equally likely.
        // n = 6 (720 pairings): Σd² = 0 is 1 pairing, Σd² = 2 the 5 adjacent swaps, Σd² = 4 two disjoint adjacent swaps,
        // C(5, 2) − 4 = 6; so 12 have ρ ≥ 1 − 24/210 = 31/35 = 0.8857, and by symmetry 12 have ρ ≤ −31/35: p = 24/720
        // = 0.033 < 0.05. Σd² = 6 adds the 8 rotations of three adjacent ranks and the 1 set of three disjoint adjacent
        // swaps: 21 a side, p = 42/720 = 0.058 ≥ 0.05 at ρ = 29/35. The band is 31/35; tables of critical values of
        // Spearman's r_s at α(2) = 0.05 (Zar, 1972) give 0.886 for n = 6, and 0.786, 0.738 and 0.700 for n = 7, 8 and 9.
        Assert.Equal(31.0 / 35, SensitivityRanking.NoiseBand(6)!.Value, 12);
        Assert.Equal(0.786, SensitivityRanking.NoiseBand(7)!.Value, 3);
        Assert.Equal(0.738, SensitivityRanking.NoiseBand(8)!.Value, 3);
        Assert.Equal(0.700, SensitivityRanking.NoiseBand(9)!.Value, 3);
        // n = 5 (120): |ρ| = 1 has p = 2/120 = 0.017; the next, ρ = 1 − 12/120 = 0.9 (Σd² = 2, the 4 adjacent swaps), has
        // p = 2·5/120 = 0.083: only a perfect correlation is told from noise, the band is 1 (the tables' 1.000).
        Assert.Equal(1, SensitivityRanking.NoiseBand(5));
        // n = 4 (24): even |ρ| = 1 has p = 2/24 = 0.083, so no |ρ| is told from noise at 5%: no band.
        Assert.Null(SensitivityRanking.NoiseBand(4));
        // So 5 is the fewest runs over which a pair can be flagged, the figure the outputs name: a band there, none below.
        Assert.NotNull(SensitivityRanking.NoiseBand(SensitivityRanking.FewestRunsToFlag));
        Assert.Null(SensitivityRanking.NoiseBand(SensitivityRanking.FewestRunsToFlag - 1));
    }

    [Fact]
    public void Up_to_nine_runs_a_p_value_is_the_share_of_pairings_at_least_as_strong()
    {
        // The counts of the test above: n = 5, |ρ| = 1 in 2 of 120 pairings (the identity and its reverse); |ρ| ≥ 0.9 in
        // 2·(1 + 4) = 10. n = 6, |ρ| ≥ 31/35 in 24 of 720, |ρ| ≥ 29/35 in 42. n = 4, |ρ| = 1 in 2 of 24. ρ = 0: every
        // pairing has |ρ| ≥ 0.
        Assert.Equal(2.0 / 120, SensitivityRanking.PValue(1, 5), 12);
        Assert.Equal(10.0 / 120, SensitivityRanking.PValue(-0.9, 5), 12);
        Assert.Equal(24.0 / 720, SensitivityRanking.PValue(31.0 / 35, 6), 12);
        Assert.Equal(42.0 / 720, SensitivityRanking.PValue(-29.0 / 35, 6), 12);
        Assert.Equal(2.0 / 24, SensitivityRanking.PValue(1, 4), 12);
        Assert.Equal(1, SensitivityRanking.PValue(0, 4), 12);
    }

    [Fact]
    public void Over_four_runs_no_pair_is_flagged_however_perfect()
    {
        // Four runs, every outcome a copy or a reversal of one input: 4 of the 8 pairs have |ρ| = 1, and each of the other 4
        // (a input against the other input's copy or reversal) has Σd² = 10, ρ = 1 − 6·10/60 = 0. With 4 untied values the
        // smallest two-sided p is 2/4! = 2/24 = 0.083 (only the identity and the reversal reach |ρ| = 1); a q is never
        // below its own p, so none is below 0.05. The t approximation gave |ρ| = 1 a p of 0, and flagged each of these.
        double[] up = [1, 2, 3, 4], down = [4, 3, 2, 1], mixed = [2, 4, 1, 3];
        var inputs = new List<(string, double[])> { ("a", up), ("b", mixed) };
        var outcomes = new List<(string, double[])> { ("same as a", [10, 20, 30, 40]), ("reverse of a", down), ("same as b", [20, 40, 10, 30]), ("reverse of b", [3, 1, 4, 2]) };

        var ranked = SensitivityRanking.Rank(inputs, outcomes);

        Assert.Equal(8, ranked.Length);
        Assert.Equal(4, ranked.Count(r => Math.Abs(r.Rho) == 1));
        Assert.All(ranked.Where(r => Math.Abs(r.Rho) == 1), r => Assert.Equal(2.0 / 24, r.P, 12));
        Assert.All(ranked, r => Assert.True(r.P >= 2.0 / 24 - 1e-12 && !r.Significant, $"{r.Input} ~ {r.Outcome}: p {r.P}, q {r.Q}"));
    }

    [Fact]
    public void Tied_outcomes_are_tested_against_the_pairings_of_their_own_ranks()
    {
        // Four runs; x = 1, 2, 3, 4; an agreement in force in the last two (0, 0, 1, 1: midranks 1.5, 1.5, 3.5, 3.5) and a
        // position that rises with x. With a = 2x − 5 = (−3, −1, 1, 3) and b = 2y − 5 = (−2, −2, 2, 2), ρ = Σab / √(Σa²·Σb²)
        // = 16 / √(20·16) = 0.8944. A pairing places the two 3.5s on two of the four runs: Σab = 2·(sum of a over those
        // two) − 2·(sum over the other two) = 4·(sum of a over those two), which is ±16 for {3, 4} and {1, 2}, ±8 for
        // {2, 4} and {1, 3}, 0 for {2, 3} and {1, 4}. Each set stands for 2!·2! = 4 of the 24 pairings: |ρ| ≥ 0.8944 in
        // 8, p = 1/3. Untied ranks would give that ρ p = 2/24 (only |ρ| = 1 reaches it): the ties must count, and the two
        // outcomes, ranked together, must not share a distribution.
        double[] x = [1, 2, 3, 4];
        var ranked = SensitivityRanking.Rank([("x", x)], [("agreement", [0, 0, 1, 1]), ("position", [50, 60, 70, 80])]);

        var agreement = ranked.Single(r => r.Outcome == "agreement");
        Assert.Equal(0.894427, agreement.Rho, 6);
        Assert.Equal(1.0 / 3, agreement.P, 12);
        Assert.Equal(2.0 / 24, ranked.Single(r => r.Outcome == "position").P, 12);

        // Nine runs, in force in the last five (4 zeros at midrank 2.5, 5 ones at 7): b = (−5)×4, 4×5, and Σab = 9·(sum of
        // a = 2x − 10 over the runs in force), whose extremes ±20 only the top five and the bottom five reach: 2 of the
        // C(9, 4) = 126 placements, each standing for 4!·5! pairings, p = 2/126 = 0.0159.
        double[] nine = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        var inForce = SensitivityRanking.Rank([("x", nine)], [("agreement", [0, 0, 0, 0, 1, 1, 1, 1, 1])]).Single();
        Assert.Equal(2.0 / 126, inForce.P, 12);
    }

    [Fact]
    public void Over_five_runs_the_pairs_expected_at_the_band_by_chance_sum_each_pairs_own_exact_chance()
    {
        // Five runs, band 1 (only |ρ| = 1 is told from noise). Inputs: x untied, s of two values (a strategy chosen from two,
        // in runs 2 and 4); outcomes: a position, untied, and an agreement in force in runs 1 and 4 (2 of 5). The pairs:
        // - x ~ position, both untied: |ρ| = 1 in 2 of the 5! = 120 pairings (the identity and the reverse): 2/120 = 1/60.
        // - x ~ agreement: five distinct ranks against two values can never lie on a line, so |ρ| = 1 in none: 0.
        // - s ~ position: the same, the other way round: 0.
        // - s ~ agreement, both 2 of 5: ρ = +1 when the pairing puts s's two on the agreement's two, 2!·3! = 12 of the 120
        //   pairings (1 of the C(5, 2) = 10 ways to place two runs); ρ = −1 would need s's two on the agreement's three: none.
        //   12/120 = 1/10.
        // Expected by chance: 1/60 + 0 + 0 + 1/10 = 7/60 = 0.11667. Counting every pair as untied gave 4/60 = 0.0667.
        double[] x = [3, 1, 4, 5, 2], s = [0, 1, 0, 1, 0];
        var ranked = SensitivityRanking.Rank([("x", x), ("strategy", s)], [("agreement", [1, 0, 0, 1, 0]), ("position", [10, 20, 30, 40, 50])], out var byChance);

        Assert.Equal(4, ranked.Length);
        Assert.Equal(7.0 / 60, byChance!.Value, 6);
    }

    [Fact]
    public void Over_six_runs_a_pair_that_cannot_reach_the_band_adds_nothing_to_the_chance_count()
    {
        // Six runs, band 31/35 = 0.8857 (24 of the 720 untied pairings reach it, 1/30: see the test of the tables above).
        // Inputs x untied and s of two values (runs 1 and 2 of 6); outcomes a position, untied, and an agreement in force in
        // runs 3 and 6 (2 of 6). With a = 2·rank − 7:
        // - x ~ position: 1/30.
        // - x ~ agreement: the agreement's b is −2 on its 4 zeros (midrank 2.5) and +4 on its 2 ones (5.5), Σb² = 48; x's a
        //   is −5, −3, −1, 1, 3, 5, Σa² = 70; Σab is at most 4·(5 + 3) − 2·(1 − 1 − 3 − 5) = 48, so |ρ| ≤ 48/√(70·48) =
        //   √(48/70) = 0.8281 < 0.8857: 0. Likewise s ~ position: 0.
        // - s ~ agreement, both 2 of 6 (a and b each −2 ×4, +4 ×2, Σ = 48): with k runs in both twos, Σab = 16k − 8·2(2 − k)
        //   + 4·(2 + k), so ρ = 1 at k = 2, 0.25 at k = 1, −0.5 at k = 0: only k = 2 reaches the band, 1 of the C(6, 2) = 15
        //   placements: 1/15.
        // Expected by chance: 1/30 + 0 + 0 + 1/15 = 3/30 = 0.1, where counting every pair as untied gives 4/30 = 0.1333.
        double[] x = [4, 2, 6, 1, 5, 3], s = [1, 1, 0, 0, 0, 0];
        SensitivityRanking.Rank([("x", x), ("strategy", s)], [("agreement", [0, 0, 1, 0, 0, 1]), ("position", [1, 2, 3, 4, 5, 6])], out var byChance);

        Assert.Equal(3.0 / 30, byChance!.Value, 6);
    }

    [Fact]
    public void Under_the_t_approximation_the_chance_count_is_five_percent_of_the_pairs_and_over_four_runs_there_is_none()
    {
        // Twelve runs: the band is the t approximation's, where it puts 5% of any pair's pairings whatever its ties, so the
        // count is 0.05 per pair: 2 pairs (x against an untied position and a tied agreement) give 0.1.
        double[] x = [.. Enumerable.Range(1, 12).Select(i => (double)(i * 7 % 12))];
        SensitivityRanking.Rank([("x", x)], [("position", [.. Enumerable.Range(1, 12).Select(i => (double)i)]), ("agreement", [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1])], out var twelve);
        Assert.Equal(0.1, twelve!.Value, 12);
        // Four runs: no band (|ρ| = 1 has p = 2/24 = 0.0833), so no count of pairs reaching it; three runs rank nothing.
        SensitivityRanking.Rank([("x", [1, 2, 3, 4])], [("y", [4, 1, 3, 2])], out var four);
        Assert.Null(four);
        SensitivityRanking.Rank([("x", [1, 2, 3])], [("y", [3, 1, 2])], out var three);
        Assert.Null(three);
    }

    [Fact]
    public void A_rho_read_back_rounded_to_six_decimals_finds_its_own_pairing()
    {
        // 7 untied runs: ρ = 1 − 6·Σd²/(7·48) = 1 − Σd²/56. |ρ| ≥ 27/28 (Σd² ≤ 2) is the identity and its 6 adjacent
        // swaps, 7 a side: p = 14/5040. 27/28 = 0.96428571… is written to the JSON and CSV as 0.964286, 2.9·10⁻⁷ above
        // it: in units of the denominator, 112·0.964286 = 108.000032 > 108, so a tolerance of 10⁻⁹·112 left the pairing
        // out and gave only |ρ| = 1's 2/5040. A tolerance of 5·10⁻⁵ in ρ finds it.
        Assert.Equal(14.0 / 5040, SensitivityRanking.PValue(0.964286, 7), 12);
        // The next |ρ| below, 26/28 = 0.928571 (Σd² = 4), is 0.0357 away: still not merged with 27/28 (p stays 14/5040
        // just above 0.928571 + 5·10⁻⁵).
        Assert.Equal(14.0 / 5040, SensitivityRanking.PValue(0.928571 + 1e-4, 7), 12);
    }

    [Fact]
    public void Below_two_runs_the_p_value_is_one_as_there_is_no_noise_band()
    {
        // One run or none: no pairing can differ from another, nothing can be told from noise. Both say so without
        // throwing: p = 1, no band.
        Assert.Equal(1, SensitivityRanking.PValue(1, 1));
        Assert.Equal(1, SensitivityRanking.PValue(0, 0));
        Assert.Null(SensitivityRanking.NoiseBand(1));
    }

    [Fact]
    public void At_ten_runs_a_heavily_tied_outcome_gets_the_t_approximations_lenient_p()
    {
        // 10 runs, an agreement in force in the last 5 and an input rising with the runs: a = 2x − 11 = −9, −7, …, 9
        // (Σa² = 330), b = ±5 (Σb² = 250), Σab = 5·2·(1 + 3 + 5 + 7 + 9) = 250, ρ = 250/√(330·250) = √(25/33) = 0.8704.
        // Exactly, only the top five and the bottom five placements of the ones reach it: p = 2/C(10, 5) = 2/252 =
        // 0.0079. From 10 runs p comes from the t approximation: t² = 8ρ²/(1 − ρ²) = 8·(25/33)/(8/33) = 25, t = 5 on 8
        // degrees of freedom, two-sided p = 0.00105 (numerical integration of the t density), about 7.5 times lower.
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var inForce = SensitivityRanking.Rank([("x", x)], [("agreement", [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])]).Single();
        Assert.Equal(0.870388, inForce.Rho, 6);
        Assert.InRange(inForce.P, 0.00104, 0.00106);
    }

    [Theory]
    [InlineData(10, 10, "from 2 to 9 runs, not 10")]
    [InlineData(4, 5, "the same length, not 4 and 5")]
    public void Exact_ranks_refuse_too_many_runs_and_unequal_sides(int xs, int ys, string named)
    {
        // 10 runs would take 10·2⁹ steps over sums and is left to the t approximation; unequal sides cannot be paired.
        double[] x = [.. Enumerable.Range(1, xs).Select(r => (double)r)], y = [.. Enumerable.Range(1, ys).Select(r => (double)r)];
        var error = Assert.Throws<ArgumentException>(() => new SpearmanNullDistribution(x, y));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Exact_ranks_refuse_a_side_that_does_not_vary()
    {
        // Four runs all tied at midrank 2.5: a = 2·2.5 − 5 = 0 for each, Σa² = 0, ρ's denominator 0.
        var error = Assert.Throws<ArgumentException>(() => new SpearmanNullDistribution([1, 2, 3, 4], [2.5, 2.5, 2.5, 2.5]));
        Assert.Contains("both sides to vary", error.Message);
    }

    [Fact]
    public void Under_four_runs_nothing_is_ranked()
    {
        // Three runs: ρ is ±1 or ±½ and the smallest p 2/3! = 1/3; nothing is ranked, even a perfect copy.
        Assert.Empty(SensitivityRanking.Rank([("x", [1, 2, 3])], [("y", [1, 2, 3])]));
    }

    [Fact]
    public void A_p_value_follows_the_t_approximation()
    {
        // ρ = 0.5 over 12 runs: t = 0.5 √(10 / 0.75) = 1.826 with 10 df; tables give a two-sided p
        // between 0.10 (t = 1.812) and 0.09 (about t = 1.86): 0.098.
        Assert.InRange(SensitivityRanking.PValue(0.5, 12), 0.097, 0.099);
        // At the noise band the p-value is 0.05 by construction of the band.
        Assert.Equal(0.05, SensitivityRanking.PValue(SensitivityRanking.NoiseBand(40)!.Value, 40), 6);
        Assert.Equal(0, SensitivityRanking.PValue(1, 40));
        Assert.Equal(1, SensitivityRanking.PValue(0, 40), 9);
    }

    [Fact]
    public void The_benjamini_hochberg_adjustment_takes_the_running_minimum_of_p_m_over_rank()
    {
        // p = 0.01, 0.04, 0.03, 0.005 (m = 4). Sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4);
        // p·m/rank = 0.02, 0.02, 0.04, 0.04; the minimum from the top down leaves them so.
        var q = SensitivityRanking.Adjust([0.01, 0.04, 0.03, 0.005]);
        Assert.Equal([0.02, 0.04, 0.04, 0.02], q.Select(v => Math.Round(v, 12)));
        // A small p late in the order pulls the ones before it down: 0.02·3/2 = 0.03 > 0.021·3/3 = 0.021.
        Assert.Equal([0.021, 0.021, 0.021], SensitivityRanking.Adjust([0.02, 0.021, 0.015]).Select(v => Math.Round(v, 12)).Order());
    }

    [Fact]
    public void Inputs_drawn_independently_of_the_outcomes_are_flagged_no_more_often_than_chance_allows()
    {
        // 400 studies of 50 runs, each with 5 inputs and 6 outcomes all drawn independently (30 pairs a
        // study, 12,000 in all). With no association anywhere:
        // - a pair's own p-value falls below 0.05 about 5% of the time: 600 expected, sd √(12000·0.05·0.95) ≈ 24;
        //   pairs sharing a column are not quite independent, so the range allows four sd and more: 500..700.
        // - under no association at all, Benjamini–Hochberg flags anything in a study with probability at
        //   most 5% (the Simes test): about 20 of 400 studies, sd √(400·0.05·0.95) ≈ 4.4; at most 35 allowed.
        var random = new Random(20171106);
        int studies = 400, runs = 50, nominal = 0, studiesFlagging = 0, pairs = 0;
        for (var s = 0; s < studies; s++)
        {
            var inputs = Enumerable.Range(0, 5).Select(i => ($"input {i}", Column(random, runs))).ToList();
            var outcomes = Enumerable.Range(0, 6).Select(o => ($"outcome {o}", Column(random, runs))).ToList();
            var ranked = SensitivityRanking.Rank(inputs, outcomes);
            pairs += ranked.Length;
            nominal += ranked.Count(r => r.P < 0.05);
            if (ranked.Any(r => r.Significant))
                studiesFlagging++;
        }
        Assert.Equal(12_000, pairs);
        Assert.InRange(nominal, 500, 700);
        Assert.InRange(studiesFlagging, 5, 35);
    }

    [Fact]
    public void Over_six_runs_inputs_drawn_independently_are_flagged_no_more_often_than_chance_allows()
    {
        // As above, 400 studies of 5 inputs × 6 outcomes drawn independently (12,000 pairs), over 6 runs. The exact test
        // gives p < 0.05 to |ρ| ≥ 31/35 only, 24 of the 720 pairings (1/30): about 400 pairs, sd √(12000·(1/30)(29/30))
        // ≈ 19.7, 320..480 allowed. The t approximation on 4 degrees of freedom put the line at |ρ| > 0.811, which takes
        // in |ρ| = 29/35 as well, 42 of 720: about 700. A study flags anything with probability at most 5% (the Simes
        // test), about 20 of 400, sd 4.4: at most 35.
        var random = new Random(20171106);
        int studies = 400, runs = 6, nominal = 0, studiesFlagging = 0;
        for (var s = 0; s < studies; s++)
        {
            var inputs = Enumerable.Range(0, 5).Select(i => ($"input {i}", Column(random, runs))).ToList();
            var outcomes = Enumerable.Range(0, 6).Select(o => ($"outcome {o}", Column(random, runs))).ToList();
            var ranked = SensitivityRanking.Rank(inputs, outcomes);
            nominal += ranked.Count(r => r.P < 0.05);
            if (ranked.Any(r => r.Significant))
                studiesFlagging++;
        }
        Assert.InRange(nominal, 320, 480);
        Assert.InRange(studiesFlagging, 0, 35);
    }

    [Fact]
    public async Task A_study_of_three_runs_says_in_its_test_and_its_json_that_it_is_too_small_to_rank()
    {
        // 3 finished runs, 4 needed: no pair is ranked, and the test says so instead of being left out, which read as
        // if nothing had varied. No |ρ| over 3 runs can reach p < 0.05 (2/3! = 1/3 at best): no noise band.
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(3, 42, 2, Engine.Local), SampleRuns.Local);

        Assert.Empty(study.Sensitivity);
        var test = study.SensitivityTest!;
        Assert.Equal((3, 0, false, 4, false), (test.Runs, test.Pairs, test.Ranked, test.FewestRuns, test.Exact));
        Assert.Null(test.NoiseBand);
        var json = StudyFiles.Json(study);
        Assert.Contains("\"ranked\": false", json);
        Assert.Contains("\"fewestRuns\": 4", json);
        Assert.DoesNotContain("noiseBand", json);
    }

    [Fact]
    public async Task A_study_of_four_runs_is_tested_exactly_and_flags_nothing()
    {
        // 4 runs: p-values from the 24 pairings, none below 2/24, so nothing flagged and no noise band.
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(4, 42, 2, Engine.Local), SampleRuns.Local);

        var test = study.SensitivityTest!;
        Assert.True(test.Ranked && test.Exact);
        Assert.NotEmpty(study.Sensitivity);
        Assert.Equal(0, test.Significant);
        Assert.Null(test.NoiseBand);
        Assert.Contains("\"exact\": true", StudyFiles.Json(study));
    }

    [Fact]
    public void A_real_association_is_flagged_among_noise()
    {
        // One outcome is the input plus a little noise (ρ near 1); the other four outcomes are independent.
        var random = new Random(7);
        var x = Column(random, 60);
        var outcomes = new List<(string, double[])> { ("follows", x.Select(v => v + 0.1 * random.NextDouble()).ToArray()) };
        outcomes.AddRange(Enumerable.Range(0, 4).Select(o => ($"noise {o}", Column(random, 60))));
        var ranked = SensitivityRanking.Rank([("x", x)], outcomes);
        Assert.Equal("follows", ranked[0].Outcome);
        Assert.True(ranked[0].Significant);
        Assert.True(ranked[0].Rho > 0.9);
    }

    [Fact]
    public async Task A_study_does_not_rank_outcomes_no_run_moved_and_flags_no_input_the_scenario_never_touches()
    {
        // us-presses-bilateral-fta proposes on bilateral-fta and defense-procurement and bargains in
        // rounds on bilateral-fta and trade-imbalance: no step acts on the world's 13 other topics,
        // whose sampled positions therefore only echo their draws. 200 runs, as in the study that
        // showed 6 of its 15 strongest bars between such independent draws.
        string[] touched = ["bilateral-fta", "defense-procurement", "trade-imbalance"];
        var loaded = ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"));
        var study = await WhatIfStudy.RunAsync(loaded, new StudyOptions(200, 42, 4, Engine.Local), SampleRuns.Local);

        var positionOutcomes = study.Sensitivity.Where(s => s.Outcome.StartsWith("position ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(positionOutcomes);
        Assert.All(positionOutcomes, s => Assert.Contains(s.Outcome.Split(' ')[^1], touched));
        var test = study.SensitivityTest!;
        Assert.Equal(200, test.Runs);
        Assert.Equal(study.Sensitivity.Length, test.Pairs);
        Assert.False(test.IsSmall);
        // An input on an untouched topic can move nothing: with a 5% false discovery rate and a handful
        // of real findings, the expected number of false ones flagged is well under one.
        var untouchedInputs = study.Sensitivity.Where(s => s.Input.StartsWith("position ", StringComparison.Ordinal) && !touched.Contains(s.Input.Split(' ')[^1])).ToList();
        Assert.NotEmpty(untouchedInputs);
        Assert.DoesNotContain(untouchedInputs, s => s.Significant);
        Assert.True(test.Significant > 0, "the study's real effects (Japan's FTA position on the FTA agreement) are flagged");
    }

    private static double[] Column(Random random, int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())];
}

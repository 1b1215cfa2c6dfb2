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
        Assert.Equal(0.576, SensitivityRanking.NoiseBand(12), 3);
        Assert.Equal(0.139, SensitivityRanking.NoiseBand(200), 3);
        Assert.True(double.IsNaN(SensitivityRanking.NoiseBand(3)));
    }

    [Fact]
    public void A_p_value_follows_the_t_approximation()
    {
        // ρ = 0.5 over 12 runs: t = 0.5 √(10 / 0.75) = 1.826 with 10 df; tables give a two-sided p
        // between 0.10 (t = 1.812) and 0.09 (about t = 1.86): 0.098.
        Assert.InRange(SensitivityRanking.PValue(0.5, 12), 0.097, 0.099);
        // At the noise band the p-value is 0.05 by construction of the band.
        Assert.Equal(0.05, SensitivityRanking.PValue(SensitivityRanking.NoiseBand(40), 40), 6);
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

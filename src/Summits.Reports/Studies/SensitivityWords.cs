using Summits.Model;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Studies;

/// <summary>
/// The words the text output and the report share about a study's sensitivity test: why nothing was ranked, what one
/// pair on its own can show over the study's runs, how many pairs would reach the noise band by chance, which pairs are
/// tested, why unmoved positions are left out, and the advice to a study too small to read.
/// </summary>
public static class SensitivityWords
{
    /// <summary>
    /// Why a study whose test was not <see cref="SensitivityTest.Ranked"/> has no ranking, as a clause without a
    /// capital or a full stop: too small ("the study is too small (3 runs finished; a ranking needs at least 4, and
    /// telling one pair from noise at least 5); ask for --runs 30 or more", 30 being the runs below which a study is
    /// called small, <see cref="SensitivityTest.SmallSample"/>), or, when it asked for runs enough to flag a pair
    /// (<see cref="SensitivityRanking.FewestRunsToFlag"/>) and was stopped, that it stopped before enough finished and
    /// should be let finish.
    /// </summary>
    public static string NotRanked(StudyResult study, SensitivityTest test)
    {
        var why = $"{Counted.Of(test.Runs, "run")} finished; a ranking needs at least {test.FewestRuns}, and telling one pair from noise at least {SensitivityRanking.FewestRunsToFlag}";
        return study.Stopped && study.Runs >= SensitivityRanking.FewestRunsToFlag
            ? $"the study stopped before enough runs finished ({why}); let it finish"
            : $"the study is too small ({why}); {MoreRuns}";
    }

    /// <summary>
    /// The advice to a study too small to rank, or to read, as a clause without a capital or a full stop: "ask for --runs
    /// 30 or more", 30 being the runs below which a study is called small (<see cref="SensitivityTest.SmallSample"/>).
    /// </summary>
    public static string MoreRuns => $"ask for --runs {SensitivityTest.SmallSample} or more";

    /// <summary>
    /// Which pairs a test counts, as a clause without a capital or a full stop: every input that varied against every
    /// outcome that varied, except a sampled start position against the same position's final value (so that 66 inputs
    /// and 7 outcomes can make 457 pairs, not 462).
    /// </summary>
    public const string WhichPairs = "every varying input against every varying outcome, except a sampled start against its own final position";

    /// <summary>
    /// Why <paramref name="count"/> final positions (1 or more; 0 is worded as a plural and is not asked for) are not ranked as outcomes, as a sentence with its full
    /// stop: no run moved them, so each only repeats its sampled or seeded start, and the spread a table shows for one
    /// is that of its sampled start.
    /// </summary>
    public static string Unmoved(int count) => count == 1
        ? "1 final position that no run moved is not ranked as an outcome: it only repeats its sampled or seeded start, so any spread it shows is the sampling's."
        : $"{count} final positions that no run moved are not ranked as outcomes: each only repeats its sampled or seeded start, so any spread they show is the sampling's.";

    /// <summary>
    /// What one pair on its own can be told from noise over the test's runs, as a clause without a full stop: none
    /// when there is no noise band ("over 4 runs no single pair can be told from noise, since even |ρ| = 1 has
    /// p = 0.0833"), only |ρ| = 1 when the band is 1, else the band itself, which holds for untied ranks: a pair with tied
    /// ranks (an agreement in force in some runs) can need a stronger |ρ|.
    /// </summary>
    public static string SinglePair(SensitivityTest test)
    {
        var runs = Counted.Of(test.Runs, "run");
        return test.NoiseBand switch
        {
            null => $"over {runs} no single pair can be told from noise, since even |ρ| = 1 has p = {P(SensitivityRanking.PValue(1, test.Runs))}",
            >= 1 => $"over {runs} a single pair is within noise unless |ρ| = 1 (untied ranks; a tied outcome, such as an agreement in force, may not reach p < 0.05 at all)",
            { } band => $"a single pair's |ρ| below {Number(band)} is within noise over {runs}" + TiedCaveat(test),
        };
    }

    /// <summary>
    /// What the band means for tied ranks, as a parenthesis with its leading space: with exact p-values a pair with tied
    /// ranks can need a stronger |ρ| than the band; under the t approximation of a small study (fewer than
    /// <see cref="SensitivityTest.SmallSample"/> runs) its printed p can be too small; nothing above that.
    /// </summary>
    public static string TiedCaveat(SensitivityTest test) =>
        test.Exact ? " (untied ranks; tied ones can need more)"
        : test.IsSmall ? " (untied ranks; for tied ones, such as an agreement in force, the t approximation's p can be too small)"
        : "";

    /// <summary>
    /// How many of the test's pairs would reach the noise band by chance alone had no input anything to do with any
    /// outcome, as a clause without a capital or a full stop: "about 10.8 of the 457 pairs would show |ρ| ≥ 0.8857 by
    /// chance alone (each pair's exact chance under its own ties, summed)", the figure
    /// <see cref="SensitivityTest.ExpectedByChance"/> to one decimal, half away from zero as every figure is, "under 0.1"
    /// when it is above 0 but rounds to 0, and the parenthesis saying how it was had (from 10 runs "(5% of each, the t
    /// approximation's share, which tied ranks can make more or less)"); "none of the 132 pairs can reach |ρ| ≥ 0.8857
    /// at all, their ranks being too tied" when it is 0 (<see cref="NoneCanReach"/>). Null when there is no band, no
    /// expected count or no pair.
    /// </summary>
    public static string? ByChance(SensitivityTest test)
    {
        if (test.NoiseBand is not { } band || test.ExpectedByChance is not { } expected || test.Pairs == 0)
            return null;
        var pairs = test.Pairs == 1 ? "the 1 pair" : $"the {test.Pairs} pairs";
        if (NoneCanReach(test))
            return $"none of {pairs} can reach {AtTheBand(band)} at all, {(test.Pairs == 1 ? "its ranks being" : "their ranks being")} too tied";
        var about = Figures.Text(expected, 1) is var shown && shown != "0" ? "about " + shown : "under 0.1";
        var how = test.Exact ? "each pair's exact chance under its own ties, summed" : "5% of each, the t approximation's share, which tied ranks can make more or less";
        return $"{about} of {pairs} would show {AtTheBand(band)} by chance alone ({how})";
    }

    /// <summary>
    /// Whether no pair of the test can reach its noise band at all, whatever the pairing: the expected count by chance is 0
    /// (every pair's ranks too tied for the exact test's band), with a band and a pair to count.
    /// </summary>
    public static bool NoneCanReach(SensitivityTest test) =>
        test is { NoiseBand: not null, ExpectedByChance: 0, Pairs: > 0 };

    /// <summary>"|ρ| = 1" for a band of 1, else "|ρ| ≥ band": what reaching the band means.</summary>
    public static string AtTheBand(double band) => band >= 1 ? "|ρ| = 1" : $"|ρ| ≥ {Number(band)}";
}

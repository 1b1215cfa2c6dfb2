using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Studies;

/// <summary>
/// The words the text output and the report share about a study's sensitivity test: why nothing was ranked, and what
/// one pair on its own can show over the study's runs.
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
            : $"the study is too small ({why}); ask for --runs {SensitivityTest.SmallSample} or more";
    }

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
    /// outcome, to one decimal: the pairs times the share of pairings at least as strong as the band (exact up to 9
    /// runs), or times 0.05, the t band's share by construction; null when there is no band.
    /// </summary>
    public static double? ByChance(SensitivityTest test) => test.NoiseBand is { } band
        ? Math.Round(test.Pairs * (test.Exact ? SensitivityRanking.PValue(band, test.Runs) : 0.05), 1)
        : null;

    /// <summary>"|ρ| = 1" for a band of 1, else "|ρ| ≥ band": what reaching the band means.</summary>
    public static string AtTheBand(double band) => band >= 1 ? "|ρ| = 1" : $"|ρ| ≥ {Number(band)}";
}

namespace Summits.Cli.Bench;

/// <summary>
/// How big each measurement is: full size for figures, tiny for a smoke run. The full classroom is the class the
/// classroom is built for: 60 teams at 30 tables, each proposing every 3 s for a minute (20 proposals a team).
/// </summary>
/// <param name="PipelineRepeats">
/// How many timed pairs of the proposal pipeline's batches (figures 2 and 3), one batch in grains and one in the pure
/// model, each of <c>PipelineWorlds</c> worlds of <c>ProposalsPerWorld</c> proposals, each pair's order the other way
/// round from the pair before it, give each engine's median batch and the median of the pairs' ratios. Odd, so that the
/// median is one pair's.
/// </param>
/// <param name="PipelineWarmups">
/// How many untimed pairs of the pipeline's batches, each a batch in grains and then one in the pure model, come before
/// the timed ones: enough for the runtime to have compiled either engine's hot code at its full optimisation before
/// either is timed.
/// </param>
/// <param name="ConvergenceRepeats">How many timed runs of a convergence figure's world give its median.</param>
/// <param name="ConvergenceWarmups">
/// How many untimed runs of a convergence figure's world come before the timed ones, the first of them reported as the
/// cold run: enough for the runtime to have compiled the run's hot code at its full optimisation (tiered compilation
/// compiles a method again once it has been called 30 times, in the background), as in a silo that has run for a while.
/// </param>
/// <param name="ConvergenceRounds">The most rounds a table may bargain before it must have converged.</param>
/// <param name="SoePairs">
/// How many timed pairs of figure 5's runs, one in grains and one in the pure model, each pair's order the other way
/// round from the pair before it, give the grains / pure model ratio: the median of the pairs' ratios. Odd, so that the
/// median is one pair's.
/// </param>
/// <param name="TelemetryRounds">
/// How many timed rounds of figure 8 give its ratios, each round one repetition of every telemetry mode in a silo of
/// its own, the modes' order reversed from the round before: each ratio is the median of the rounds' ratios. Odd, so
/// that the median is one round's.
/// </param>
/// <param name="TelemetryWarmups">How many untimed rounds of figure 8, taken the same way, come before its timed ones.</param>
/// <param name="ClassroomTables">The classroom figure's tables, two teams at each (1 to 30).</param>
/// <param name="ClassroomProposals">How many proposals each team of the classroom figure makes.</param>
/// <param name="ClassroomInterval">How often each team of the classroom figure proposes.</param>
/// <param name="ChainCalls">How many calls each caller of figure 10 makes one after another, of each kind, timed.</param>
/// <param name="WhatIfRuns">How many sampled worlds each timed study of figure 7 runs, in either engine.</param>
/// <param name="WhatIfPairs">
/// How many timed pairs of figure 7's studies, one in grains and one in the pure model, each pair's order the other way
/// round from the pair before it, give each engine's median study and the median of the pairs' ratios. Odd, so that the
/// median is one pair's.
/// </param>
/// <param name="WhatIfWarmups">
/// How many untimed studies of each engine, grains and pure model in turn, come before figure 7's timed pairs.
/// </param>
/// <param name="WhatIfWarmupRuns">How many sampled worlds each untimed study of figure 7 runs.</param>
public sealed record BenchSizes(
    TimeSpan CallDuration,
    int CallsInFlightPerCore,
    int PipelineWorlds,
    int ProposalsPerWorld,
    int PipelineRepeats,
    int ProcessRuns,
    int ConvergenceRepeats,
    int ConvergenceWarmups,
    int ConvergenceRounds,
    int BigTableActors,
    int SyntheticActors,
    int SyntheticTopics,
    int TelemetryRounds,
    int MemoryWorlds,
    int ClassroomTables,
    int ClassroomProposals,
    TimeSpan ClassroomInterval,
    int SoePairs,
    int TelemetryWarmups,
    int PipelineWarmups,
    int ChainCalls,
    int WhatIfRuns,
    int WhatIfPairs,
    int WhatIfWarmups,
    int WhatIfWarmupRuns)
{
    public static BenchSizes Full { get; } = new(TimeSpan.FromSeconds(2), 128, 64, 100, 15, 5, 5, 20, 1000, 160, 200, 50, 15, 500, 30, 20, TimeSpan.FromSeconds(3), 21, 6, 10, 50_000, 10_000, 5, 2, 10_000);

    public static BenchSizes Quick { get; } = new(TimeSpan.FromMilliseconds(200), 8, 4, 5, 1, 1, 1, 1, 20, 20, 10, 3, 1, 200, 2, 2, TimeSpan.FromMilliseconds(200), 1, 0, 1, 200, 50, 1, 1, 20);
}

using Summits.Tests;

namespace Summits.Scenarios.Tests;

/// <summary>
/// A run's reference points and bargains are worked out once and shared by the summary, state.json and
/// every topic's chart of the report; each reader once cost a whole working (a topic's chart worked out
/// every topic's), which left a 200 × 50 world's output minutes silent.
/// </summary>
public sealed class RunAnalysesTests
{
    [Fact]
    public async Task Analyses_and_bargains_are_worked_out_once_per_run()
    {
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(Path.Combine(RepoFiles.Root, "scenarios", "what-if", "baseline.yaml")));

        // The same array, not an equal one worked out again: ImmutableArray's == compares the array it wraps.
        Assert.True(run.Analyses() == run.Analyses());
        Assert.True(run.Bargaining() == run.Bargaining());
        // The seeded world has 16 topics, each with positions, so each has reference points.
        Assert.Equal(16, run.Analyses().Length);
        // A copy of the run is another run: it works its own out, and its equality is still its members'.
        var copy = run with { };
        Assert.Equal(run, copy);
        Assert.False(copy.Analyses() == run.Analyses());
    }
}

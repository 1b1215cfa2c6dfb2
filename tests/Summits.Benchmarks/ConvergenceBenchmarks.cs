using BenchmarkDotNet.Attributes;
using Summits.Scenarios;

namespace Summits.Benchmarks;

/// <summary>
/// The pure model's whole run of figure 5's world: the two SOE tables bargaining in autonomous rounds until they
/// converge (471 rounds, 28,719 events), through <see cref="ScenarioRun.LocallyAsync"/> as <c>--engine local</c> runs
/// it. The allocated bytes a run are what the round's garbage collections follow.
/// </summary>
[MemoryDiagnoser]
public class ConvergenceBenchmarks
{
    private LoadedScenario _soe = null!;

    [GlobalSetup]
    public void Setup() => _soe = ScenarioFile.Load(Path.Combine(RepositoryRoot(), "scenarios", "bench", "soe-18-converge.yaml"));

    [Benchmark]
    public async Task<int> SoeEighteenToConvergence() => (await ScenarioRun.LocallyAsync(_soe)).Timeline.Length;

    /// <summary>The folder holding <c>scenarios/</c>, found upward from where the benchmark runs.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "scenarios", "bench")))
                return folder.FullName;
        }
        throw new DirectoryNotFoundException("no scenarios/bench folder above " + AppContext.BaseDirectory);
    }
}

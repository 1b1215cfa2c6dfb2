using Summits.Model;
using Summits.Tests;

namespace Summits.Scenarios.Tests.Spatial;

/// <summary>A scenario that says <c>model: smp</c> and forks: each branch runs the spatial model, as the scenario without the fork does.</summary>
public sealed class SmpForkTests : IDisposable
{
    private readonly string _folder = SmpForkScenarios.Write();

    private string Forked => Path.Combine(_folder, SmpForkScenarios.ForkedFile);

    private LoadedScenario Branch(string name) => BranchChoice.Load($"{Forked}#{name}", null, null, p => p);

    private static double[] ForecastOf(RunResult run) =>
        StateDocument.Of(run).Forecast is { } forecast ? [forecast["policy"], forecast["competitive"]] : [];

    [Fact]
    public async Task A_branch_that_changes_nothing_forecasts_what_the_scenario_without_the_fork_forecasts()
    {
        // as-is runs the steps of soe.yaml (one step of up to 100 turns), with the same world, seed and model: the same
        // steps, so the same forecast. Both are also the engine's own run of the world's table, without the runner, to
        // its stopping rule (KTAB's 100 turns at most), which SmpRunTests holds to the runner's bit for bit.
        var world = WorldFile.Load(SmpForkScenarios.World);
        var expected = SpatialModel.Run(SmpTable.From(world)).Forecast.ToArray();
        var unforked = await ScenarioRun.LocallyAsync(ScenarioFile.Load(Path.Combine(_folder, SmpForkScenarios.UnforkedFile)));

        var asIs = await ScenarioRun.LocallyAsync(Branch("as-is"));

        Assert.Equal(expected, ForecastOf(unforked));
        Assert.Equal(expected, ForecastOf(asIs));
        Assert.Contains(asIs.Timeline, e => e.Kind == EventKind.Converged);
        Assert.DoesNotContain(asIs.Timeline, e => e.Kind == EventKind.Proposal);
    }

    [Fact]
    public async Task A_branch_that_moves_a_position_forecasts_what_the_spatial_model_makes_of_the_moved_table()
    {
        // xj-reformer's shock sets XJ's policy position to 80 (it is 30 in the world) and changes nothing else, so its
        // turns start from the world's table with that one cell at 80: the engine's own run of that table, built here
        // from the world's positions with XJ/policy replaced, is the forecast the branch must give.
        var world = WorldFile.Load(SmpForkScenarios.World);
        Assert.Equal(30, world.Positions.Single(p => p is { Actor: "XJ", Topic: "policy" }).Value.Value);
        var moved = world.Positions.Select(p => p is { Actor: "XJ", Topic: "policy" } ? p with { Value = new ScaleValue(80) } : p);
        var expected = SpatialModel.Run(SmpTable.Of(world.Actors, ["policy", "competitive"], moved)).Forecast.ToArray();

        var reformer = await ScenarioRun.LocallyAsync(Branch("xj-reformer"));
        var asIs = await ScenarioRun.LocallyAsync(Branch("as-is"));

        Assert.Equal(expected, ForecastOf(reformer));
        Assert.NotEqual(ForecastOf(asIs), ForecastOf(reformer));
    }

    [Fact]
    public void Every_branch_takes_the_model_seed_and_settings_the_file_says_and_a_seed_given_in_its_place()
    {
        // The file says seed 5, model smp and its 'about'; --seed 9 takes the place of the file's seed. Each branch must
        // carry them as the scenario without the fork does: its rounds step read as a step of up to 100 spatial-model
        // turns, the bargaining model's parameters as the file leaves them (the defaults, as the world reads saliences).
        var unforked = ScenarioFile.Load(Path.Combine(_folder, SmpForkScenarios.UnforkedFile)).Scenario;
        foreach (var seed in new ulong?[] { null, 9 })
        {
            foreach (var name in new[] { "as-is", "xj-reformer" })
            {
                var branch = BranchChoice.Load($"{Forked}#{name}", null, seed, p => p).Scenario;
                Assert.Equal($"soe-fork#{name}", branch.Id);
                Assert.Equal(seed ?? 5, branch.Seed);
                Assert.Equal(unforked.About, branch.About);
                Assert.Equal(unforked.Parameters, branch.Parameters);
                var turns = Assert.IsType<SmpTurnsStep>(branch.Steps[^1]);
                Assert.Equal(("converge", 100), (turns.Id, turns.Count));
                Assert.DoesNotContain(branch.Steps, s => s is RoundsStep);
            }
        }
    }

    [Fact]
    public void A_branch_with_no_rounds_step_under_the_spatial_model_is_refused_at_its_name()
    {
        // xj-alone has a shock and no rounds step, and nothing before the fork has one: under 'model: smp' it would run no
        // turn of the model and end with no forecast, as a run of the bargaining model ends. Its name is on line 9, indented
        // 6 spaces (column 7).
        var path = Path.Combine(_folder, "no-turns.yaml");
        var text = $"""
            format: 2
            scenario: no-turns
            world: {SmpForkScenarios.World}
            model: smp
            steps:
              - fork:
                  as-is:
                    - {"{"} id: converge, rounds: 100 {"}"}
                  xj-alone:
                    - {"{"} id: xj-reforms, shock: {"{"} reason: Xi takes up reform., changes: [{"{"} position: XJ, topic: policy, to: 80 {"}"}] {"}"} {"}"}
            """;

        var e = Assert.Throws<InputException>(() => ScenarioFile.Parse(path, text));

        Assert.Equal(new FilePosition(path, 9, 7), e.Position);
        Assert.Equal("'model: smp' runs the scenario's rounds steps as turns of KTAB's spatial model, and the branch 'xj-alone' has none, "
            + "before the fork or in it, so it would run no turn of it; add a step such as '{ id: converge, rounds: 100 }' to the branch or before the fork", e.Problem);
        // A rounds step before the fork is every branch's: the same branches after one load.
        var shared = text.Replace("  - fork:", "  - { id: warm-up, rounds: 1 }\n  - fork:", StringComparison.Ordinal);
        Assert.IsType<SmpTurnsStep>(ScenarioFile.Parse(path, shared).Branch("xj-alone")!.Scenario.Steps[0]);
    }

    [Fact]
    public void A_scenario_with_no_rounds_step_under_the_spatial_model_is_refused_at_its_model()
    {
        // The same without a fork: 'smp' is on line 4, after "model: " (column 8).
        var path = Path.Combine(_folder, "no-turns.yaml");
        var text = $"""
            format: 2
            scenario: no-turns
            world: {SmpForkScenarios.World}
            model: smp
            steps:
              - {"{"} id: xj-reforms, shock: {"{"} reason: Xi takes up reform., changes: [{"{"} position: XJ, topic: policy, to: 80 {"}"}] {"}"} {"}"}
            """;

        var e = Assert.Throws<InputException>(() => ScenarioFile.Parse(path, text));

        Assert.Equal(new FilePosition(path, 4, 8), e.Position);
        Assert.Equal("'model: smp' runs the scenario's rounds steps as turns of KTAB's spatial model, and this scenario has none, so it would "
            + "run no turn of it; add a step such as '{ id: converge, rounds: 100 }', or leave 'model' out", e.Problem);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

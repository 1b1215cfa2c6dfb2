using System.Text.Json.Nodes;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// A scenario that says <c>model: smp</c> and forks, as a KTAB user runs it: <c>run</c>, <c>compare</c> and <c>whatif</c>
/// run each branch with the spatial model, as they run the scenario without the fork.
/// </summary>
public sealed class SmpForkCommandTests : IDisposable
{
    private readonly string _folder = SmpForkScenarios.Write();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<SummitsRun> Run(params string[] arguments) => SummitsProcess.RunInAsync(_folder, arguments);

    /// <summary>The lines of each "Forecast of KTAB's spatial model" block a run printed, in order, without the heading.</summary>
    private static List<string[]> Forecasts(string output)
    {
        var lines = output.Split('\n');
        var blocks = new List<string[]>();
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].StartsWith("Forecast of KTAB's spatial model", StringComparison.Ordinal))
                blocks.Add([.. lines.Skip(i + 1).TakeWhile(l => l.Length > 0)]);
        return blocks;
    }

    [Theory]
    [InlineData(null, "local")]
    [InlineData("grains", "grains")]
    public async Task Run_of_the_fork_runs_every_branch_with_the_spatial_model(string? engine, string ran)
    {
        // Without --engine a scenario whose every run is the spatial model's runs locally, a branch as the file without the
        // fork; with --engine grains, in a silo. Either way each branch prints the spatial model's forecast and no
        // agreements, and as-is, the steps of soe.yaml, prints soe.yaml's forecast line for line (the same steps).
        string[] options = engine is null ? ["-q"] : ["-q", "--engine", engine];
        var unforked = await Run(["run", SmpForkScenarios.UnforkedFile, .. options]);
        var forked = await Run(["run", SmpForkScenarios.ForkedFile, .. options]);

        Assert.True(unforked.ExitCode == 0, unforked.ToString());
        Assert.True(forked.ExitCode == 0, forked.ToString());
        Assert.Contains($"Scenario soe-fork#as-is on world soe-18-actors, seed 5, engine {ran}", forked.Output);
        Assert.Contains($"Scenario soe-fork#xj-reformer on world soe-18-actors, seed 5, engine {ran}", forked.Output);
        Assert.DoesNotContain("Agreements made or changed", forked.Output);
        var expected = Assert.Single(Forecasts(unforked.Output));
        var branches = Forecasts(forked.Output);
        Assert.Equal(2, branches.Count);
        Assert.Equal(expected, branches[0]);
        Assert.NotEqual(expected, branches[1]);
        Assert.Matches(@"Converged early: converge stopped after turn \d+ of 100", forked.Output);
    }

    [Fact]
    public async Task Compare_of_two_branches_says_the_spatial_model_ran_both()
    {
        // Both sides are branches of a file that says 'model: smp': the sides' lines name it, and the spatial model's
        // forecasts are set side by side. as-is against soe.yaml, the same steps, differs in nothing.
        var branches = await Run("compare", $"{SmpForkScenarios.ForkedFile}#as-is", $"{SmpForkScenarios.ForkedFile}#xj-reformer");
        var same = await Run("compare", SmpForkScenarios.UnforkedFile, $"{SmpForkScenarios.ForkedFile}#as-is");

        Assert.True(branches.ExitCode == 0, branches.ToString());
        Assert.Contains("A: soe-fork.yaml#as-is  (scenario soe-fork#as-is, seed 5, model smp)", branches.Output);
        Assert.Contains("B: soe-fork.yaml#xj-reformer  (scenario soe-fork#xj-reformer, seed 5, model smp)", branches.Output);
        Assert.Contains("Forecast of KTAB's spatial model (A → B)", branches.Output);
        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.Contains("B: soe-fork.yaml#as-is  (scenario soe-fork#as-is, seed 5, model smp)", same.Output);
        Assert.Contains("; 0 positions moved", same.Output);
    }

    [Fact]
    public async Task Whatif_of_a_branch_studies_it_with_the_spatial_model()
    {
        // A study of as-is draws its runs as the study of soe.yaml does (the world gives no ranges, the seed is the same),
        // and each runs the same steps: the final positions over the runs are soe.yaml's, number for number.
        var branch = await Run("whatif", $"{SmpForkScenarios.ForkedFile}#as-is", "--runs", "2", "--format", "json");
        var unforked = await Run("whatif", SmpForkScenarios.UnforkedFile, "--runs", "2", "--format", "json");

        Assert.True(branch.ExitCode == 0, branch.ToString());
        Assert.True(unforked.ExitCode == 0, unforked.ToString());
        var expected = JsonNode.Parse(unforked.Output)!["positions"]!;
        var positions = JsonNode.Parse(branch.Output)!["positions"]!;
        Assert.Equal(36, positions.AsArray().Count);
        Assert.Equal(Means(expected), Means(positions));
        Assert.True(JsonNode.DeepEquals(expected, positions));
    }

    /// <summary>Each position of a study's <c>positions</c> as "actor topic mean", the figure a failure is read by.</summary>
    private static string[] Means(JsonNode positions) =>
        [.. positions.AsArray().Select(p => $"{p!["actor"]} {p["topic"]} {p["mean"]}")];
}

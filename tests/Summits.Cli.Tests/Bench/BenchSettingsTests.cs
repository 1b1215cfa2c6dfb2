using System.Text.Json;
using Summits.Cli.Bench;

namespace Summits.Cli.Tests;

/// <summary>
/// <c>summits bench</c> reads and checks the grain settings only when a figure it measures runs grains: a bad
/// <c>Summits:CheckpointEvery</c> refuses a grain figure before anything runs, and does not stop a pure-model one.
/// </summary>
public sealed class BenchSettingsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("summits-bench-settings-");

    /// <summary>0 is just below the least interval, 1.</summary>
    private static readonly Dictionary<string, string> BadInterval = new() { ["Summits__CheckpointEvery"] = "0" };

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Only_the_figures_that_run_no_grains_are_pure_model()
    {
        // Figure 3 gives the proposals of figure 2 in plain objects, timed by figure 2 beside its own; the spatial-model figure runs the model in this
        // process and in child runs of `--model smp`, which run locally. Every other figure runs grains: on the bench
        // silo (1, 2, 5, ktab-40, ktab-160, 6, 9), a silo of its own (8) or a child `summits run` in grains (4).
        Assert.Equal(["3", "smp"], BenchFigures.All.Where(f => f.PureModel).Select(f => f.Id).ToArray());
    }

    [Fact]
    public async Task A_pure_model_figure_runs_whatever_the_grain_settings_say()
    {
        var run = await SummitsProcess.RunInAsync(_folder.FullName, ["bench", "--only", SmpRuns.Figure, "--quick", "--format", "json"], BadInterval);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        var figures = document.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("figure").GetString()!).Distinct();
        Assert.Equal([SmpRuns.Figure], figures.ToArray());
    }

    [Fact]
    public async Task A_grain_figure_is_refused_in_the_line_summits_run_gives_before_anything_runs()
    {
        var run = await SummitsProcess.RunInAsync(_folder.FullName, ["bench", "--only", GrainCallRate.Figure, "--quick", "--format", "json"], BadInterval);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("summits bench: error: Summits:CheckpointEvery is '0' (from environment variable Summits__CheckpointEvery); expected how often a world's run is written to storage, every N-th advance: a whole number from 1 to 1000\n",
            run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
    }
}

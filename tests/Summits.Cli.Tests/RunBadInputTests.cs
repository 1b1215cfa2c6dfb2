namespace Summits.Cli.Tests;

/// <summary><c>summits run</c> on bad input: exit code 2, one line on standard error, nothing printed, nothing written.</summary>
public sealed class RunBadInputTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "summits-cli-tests", Guid.NewGuid().ToString("N"));

    public RunBadInputTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string SeedWorld()
    {
        var world = Path.Combine(AppContext.BaseDirectory, "scenarios", "summits", "2017-11-06-abe-trump.yaml");
        Assert.True(File.Exists(world), $"the seeded world is shipped beside the program: {world}");
        return world;
    }

    [Fact]
    public async Task A_bad_scenario_exits_2_with_one_line_and_writes_no_output_folder()
    {
        var scenario = Path.Combine(_folder, "bad.yaml");
        const string step = "  - propose: { from: JP, to: XX, terms: { tpp-11: 50 } }";
        await File.WriteAllTextAsync(scenario, $"scenario: bad\nworld: '{SeedWorld()}'\nsteps:\n{step}\n");
        var output = Path.Combine(_folder, "out");

        var run = await SummitsProcess.RunAsync("run", scenario, "--out", output);

        Assert.Equal(2, run.ExitCode);
        var column = step.IndexOf("XX", StringComparison.Ordinal) + 1;
        Assert.Equal($"{scenario}:4:{column}: unknown actor 'XX'; known actors: JP, US, CN, KP\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_bad_seed_exits_2_with_one_line_and_writes_no_output_folder()
    {
        var scenario = Path.Combine(_folder, "good.yaml");
        await File.WriteAllTextAsync(scenario, $"scenario: good\nworld: '{SeedWorld()}'\nsteps:\n  - rounds: 1\n");
        var output = Path.Combine(_folder, "out");

        var run = await SummitsProcess.RunAsync("run", scenario, "--seed", "-1", "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits run: --seed must be a whole number from 0 to {ulong.MaxValue}, not '-1'\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_missing_scenario_file_exits_2_with_one_line()
    {
        var scenario = Path.Combine(_folder, "absent.yaml");

        var run = await SummitsProcess.RunAsync("run", scenario, "--out", Path.Combine(_folder, "out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{scenario}:1:1: no such scenario file\n", run.Error.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }
}

using System.Text.RegularExpressions;
using Summits.Tests;

namespace Summits.Cli.Tests.Hosting;

/// <summary>
/// <c>summits run</c> and <c>summits whatif</c> hand <c>--checkpoint-every</c> to the grains they run: the world's
/// state writes that <c>--verbosity diagnostic</c> counts at the end are those of a checkpoint every N advances. Without
/// it, <c>summits whatif</c> keeps each sample's world in memory alone and writes nothing.
/// </summary>
public sealed partial class CheckpointOptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A world's state is written at its seeding, at its start and at each checkpoint; a run of 6 advances checkpoints
    // after every N-th advance and after its last: N = 1 after all 6, N = 3 after advances 3 and 6, N = 4 after 4
    // and 6. Each checkpoint writes the events of its advances as one timeline page: 6 pages at N = 1, 2 at N = 3 and 4.
    [Theory]
    [InlineData("1", 2 + 6, 6)]
    [InlineData("3", 2 + 2, 2)]
    [InlineData("4", 2 + 2, 2)]
    public async Task Run_writes_the_world_at_each_checkpoint_the_option_asks_for(string every, int worldWrites, int pages)
    {
        var run = await SummitsProcess.RunInAsync(_folder, ["run", Scenario(), "--engine", "grains", "--checkpoint-every", every, "-v", "diag"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var writes = Writes(run.Error);
        Assert.Equal(worldWrites, writes["world"]);
        Assert.Equal(pages, writes["timeline"]);
    }

    [Fact]
    public async Task Run_without_the_option_or_a_setting_writes_the_world_every_100_advances_so_six_at_their_last_alone()
    {
        // Nothing configured (a folder with no appsettings.json, no variable): a checkpoint every 100 advances and at
        // the last, so the 6 advances make one checkpoint, after advance 6. The world is written at its seeding, its
        // start and that checkpoint, 2 + 1 times, and the checkpoint's one page holds all six advances' events. Its
        // timeline.jsonl and state.json are the pure model's, byte for byte.
        var run = await SummitsProcess.RunInAsync(_folder, ["run", Scenario(), "--engine", "grains", "-v", "diag", "-o", "grains"]);
        var local = await SummitsProcess.RunInAsync(_folder, ["run", Scenario(), "--engine", "local", "-q", "-o", "local"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(local.ExitCode == 0, local.Error);
        var writes = Writes(run.Error);
        Assert.Equal(2 + 1, writes["world"]);
        Assert.Equal(1, writes["timeline"]);
        foreach (var file in (string[])["timeline.jsonl", "state.json"])
            Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "local", file)), File.ReadAllBytes(Path.Combine(_folder, "grains", file)));
    }

    [Fact]
    public async Task Whatif_writes_each_samples_world_at_each_checkpoint_the_option_asks_for()
    {
        // Two samples, each a world of its own running the 6 advances: at N = 3 each is written 2 + 2 = 4 times
        // (seeding, start, after advances 3 and 6), 8 in all; at N = 1 each 2 + 6 = 8 times, 16 in all. At N = 3 one page
        // per checkpoint, 2 each, 4 in all.
        var three = await SummitsProcess.RunInAsync(_folder, ["whatif", Scenario(), "--engine", "grains", "-n", "2", "--checkpoint-every", "3", "-v", "diag"]);
        var one = await SummitsProcess.RunInAsync(_folder, ["whatif", Scenario(), "--engine", "grains", "-n", "2", "--checkpoint-every", "1", "-v", "diag"]);

        Assert.True(three.ExitCode == 0, three.Error);
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.Equal(8, Writes(three.Error)["world"]);
        Assert.Equal(16, Writes(one.Error)["world"]);
        Assert.Equal(4, Writes(three.Error)["timeline"]);
    }

    [Fact]
    public async Task Whatif_without_the_option_keeps_each_samples_world_in_memory_and_writes_nothing()
    {
        // Two samples of the six advances, their worlds kept in memory alone: not one write, so the diagnostic line
        // that ends the command has no count of writes (a count of 0 is not shown), while it has the rest.
        var run = await SummitsProcess.RunInAsync(_folder, ["whatif", Scenario(), "--engine", "grains", "-n", "2", "-v", "diag"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("summits whatif: exit 0 after", run.Error);
        Assert.DoesNotMatch(WrittenLine(), run.Error);
        Assert.DoesNotContain("grain state written", run.Error);
    }

    [Fact]
    public async Task An_explicit_option_wins_and_a_bad_configured_interval_is_then_not_read()
    {
        var environment = new Dictionary<string, string> { ["Summits__CheckpointEvery"] = "abc" };

        var given = await SummitsProcess.RunInAsync(_folder, ["run", Scenario(), "--engine", "grains", "--checkpoint-every", "3", "-v", "diag"], environment);
        var configured = await SummitsProcess.RunInAsync(_folder, ["run", Scenario(), "--engine", "grains", "-q"], environment);

        // With the option, the run is the one of N = 3 (world written 2 + 2 times); without it, the setting is read and refused.
        Assert.True(given.ExitCode == 0, given.Error);
        Assert.Equal(4, Writes(given.Error)["world"]);
        Assert.Equal(2, configured.ExitCode);
        Assert.StartsWith("summits run: error: Summits:CheckpointEvery is 'abc' (from environment variable Summits__CheckpointEvery)", configured.Error);
    }

    [Fact]
    public async Task A_bad_call_timeout_is_refused_even_when_the_interval_is_given_since_no_option_takes_its_place()
    {
        var run = await SummitsProcess.RunInAsync(_folder, ["run", Scenario(), "--engine", "grains", "--checkpoint-every", "3"],
            new Dictionary<string, string> { ["Summits__CallTimeout"] = "0" });

        // A call timeout is 1 to 86400 s: 0 is just below.
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("summits run: error: Summits:CallTimeout is '0' (from environment variable Summits__CallTimeout); expected how many seconds a grain call may take before it is asked again: a whole number from 1 to 86400\n",
            run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
    }

    /// <summary>The six-shock scenario, written into the test's folder with its world named by full path.</summary>
    private string Scenario()
    {
        var path = Path.Combine(_folder, "six-shocks.yaml");
        File.WriteAllText(path, CheckpointScenarios.SixShocks.Replace("../summits/2017-11-06-abe-trump.yaml", SeedFiles.World, StringComparison.Ordinal));
        return path;
    }

    /// <summary>The writes by state name on the diagnostic line, "grain state written N times (country 3, …, world 4)".</summary>
    private static Dictionary<string, int> Writes(string error)
    {
        var match = WrittenLine().Match(error);
        Assert.True(match.Success, $"no count of state writes in:\n{error}");
        return match.Groups["counts"].Value.Split(", ")
            .Select(pair => pair.Split(' '))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"; grain state written \d+ times \((?<counts>[^)]*)\)$", RegexOptions.Multiline)]
    private static partial Regex WrittenLine();
}

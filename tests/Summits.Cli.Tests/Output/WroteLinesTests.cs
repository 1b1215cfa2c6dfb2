using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// One rule for every command that writes files: its results go to standard output, and the <c>wrote …</c> lines that
/// say where its files went go to standard error, after everything else it says there.
/// </summary>
public sealed class WroteLinesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-wrote-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Scenarios(params string[] parts) => Path.Combine([SeedFiles.Root, "scenarios", .. parts]);

    public static TheoryData<string> Commands() =>
        ["run", "seed", "compare", "whatif", "exercise", "analyze", "generate", "seed draft", "export ktab", "import ktab"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Where_the_files_went_is_said_on_standard_error_after_the_rest(string command)
    {
        var (arguments, written) = await ArgumentsAsync(command);

        var run = await SummitsProcess.RunInAsync(_folder, arguments);

        Assert.True(run.ExitCode == 0, run.ToString());
        // Standard output holds the results alone (for the one-file commands with -o, nothing): no line says what was
        // written.
        Assert.DoesNotContain(run.Output.Split('\n'), l => l.StartsWith("wrote ", StringComparison.Ordinal));
        // The last line on standard error is the wrote line, naming the file or folder given with -o.
        var last = run.ErrorLines[^1];
        Assert.StartsWith("wrote ", last);
        Assert.Contains(written, last);
        Assert.True(File.Exists(written) || Directory.Exists(written), $"{written} was not written");
    }

    private async Task<(string[] Arguments, string Written)> ArgumentsAsync(string command)
    {
        var baseline = Scenarios("what-if", "baseline.yaml");
        var output = Path.Combine(_folder, "out");
        switch (command)
        {
            case "run":
                return (["run", baseline, "--engine", "local", "-o", output], output);
            case "seed":
                return (["seed", "-o", output], output);
            case "compare":
                return (["compare", baseline, Scenarios("what-if", "us-presses-bilateral-fta.yaml"), "--engine", "local", "-o", output], output);
            case "whatif":
                return (["whatif", baseline, "--runs", "4", "--engine", "local", "-o", output], output);
            case "exercise":
                return (["exercise", Scenarios("exercises", "trade-for-defence.yaml"), "--answers", Scenarios("exercises", "answers", "trade-for-defence-jp.yaml"), "--engine", "local", "-o", output], output);
            case "analyze":
                var telemetry = Path.Combine(_folder, "run.jsonl");
                var traced = await SummitsProcess.RunInAsync(_folder, ["run", baseline, "--engine", "local", "-q", "--telemetry", telemetry]);
                Assert.True(traced.ExitCode == 0, traced.ToString());
                return (["analyze", telemetry, "-o", output], output);
            case "generate":
                return (["generate", "--actors", "3", "--topics", "2", "--seed", "1", "-o", Path.Combine(_folder, "g.yaml")], Path.Combine(_folder, "g.yaml"));
            case "seed draft":
                return (["seed", "draft", SeedFiles.Source, "-o", Path.Combine(_folder, "draft.yaml")], Path.Combine(_folder, "draft.yaml"));
            case "export ktab":
                return (["export", "ktab", await GeneratedAsync(), "-o", Path.Combine(_folder, "w.csv")], Path.Combine(_folder, "w.csv"));
            case "import ktab":
                var table = Path.Combine(_folder, "t.csv");
                var exported = await SummitsProcess.RunInAsync(_folder, ["export", "ktab", await GeneratedAsync(), "-o", table]);
                Assert.True(exported.ExitCode == 0, exported.ToString());
                return (["import", "ktab", table, "-o", Path.Combine(_folder, "back.yaml")], Path.Combine(_folder, "back.yaml"));
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "no arguments for this command");
        }
    }

    private async Task<string> GeneratedAsync()
    {
        var world = Path.Combine(_folder, "world.yaml");
        var generated = await SummitsProcess.RunInAsync(_folder, ["generate", "--actors", "3", "--topics", "2", "--seed", "1", "-o", world]);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        return world;
    }
}

using Summits.Cli.Bench;

namespace Summits.Cli.Tests;

/// <summary>
/// <c>summits bench -q</c> keeps its results, the table of figures, as the README's table of levels and its own
/// <c>--help</c> say: the one command whose minimal level prints a table, and the help says so instead of the
/// "no tables" every other command's help says.
/// </summary>
public sealed class BenchQuietTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-bench-quiet-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<SummitsRun> Run(params string[] arguments) =>
        SummitsProcess.RunInAsync(_folder, arguments, new Dictionary<string, string> { ["COLUMNS"] = "100" });

    [Fact]
    public async Task Bench_at_q_prints_the_table_of_figures_without_what_it_measures_or_the_details()
    {
        // The spatial model's figure runs without a silo, in seconds at --quick.
        var quiet = await Run("bench", "--only", SmpRuns.Figure, "--quick", "-q");
        var normal = await Run("bench", "--only", SmpRuns.Figure, "--quick");

        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.True(normal.ExitCode == 0, normal.ToString());
        var lines = quiet.Output.ReplaceLineEndings("\n").Split('\n');
        // The machine line, then the table: its header row names the columns.
        Assert.StartsWith("summits bench --quick: ", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("fig  measurement", StringComparison.Ordinal));
        // A detail line is the figure padded to 8 cells, a space, then the measurement: "smp" and 6 spaces. The
        // normal level has them, and says on standard error what it measures; -q has neither.
        const string detail = "smp      ";
        Assert.Contains(normal.Output.ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith(detail, StringComparison.Ordinal));
        Assert.Contains("measuring smp: ", normal.Error);
        Assert.DoesNotContain(lines, l => l.StartsWith(detail, StringComparison.Ordinal));
        Assert.DoesNotContain("measuring", quiet.Error);
    }

    [Fact]
    public async Task Bench_help_says_its_minimal_level_prints_the_table_of_figures()
    {
        var help = await SummitsProcess.RunInAsync(_folder, ["bench", "--help"], new Dictionary<string, string> { ["COLUMNS"] = "1000" });
        var run = await SummitsProcess.RunInAsync(_folder, ["run", "--help"], new Dictionary<string, string> { ["COLUMNS"] = "1000" });

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("m[inimal] (the table of figures alone, without the lines saying what is measured or the detail under the table, and where files went)", help.Output);
        Assert.DoesNotContain("no tables", help.Output);
        // Every other command keeps the general wording.
        Assert.Contains("m[inimal] (the summary alone, no tables, and where files went)", run.Output);
    }
}

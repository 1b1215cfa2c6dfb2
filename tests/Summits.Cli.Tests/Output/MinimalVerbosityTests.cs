using System.Text.RegularExpressions;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// <c>-q</c> (<c>-v minimal</c>) means the same on every command: the summary alone, no tables, fitted to the
/// terminal like every other line; and the help says what each level prints.
/// </summary>
public sealed class MinimalVerbosityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-minimal-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<SummitsRun> Run(int columns, params string[] arguments) =>
        SummitsProcess.RunInAsync(_folder, arguments, new Dictionary<string, string> { ["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public async Task Whatif_at_q_prints_one_summary_line_and_no_table()
    {
        var run = await Run(300, "whatif", Path.Combine(SeedFiles.Root, "scenarios", "what-if", "baseline.yaml"), "--runs", "4", "--engine", "local", "-q");

        Assert.True(run.ExitCode == 0, run.ToString());
        // One line at 300 columns, where before -q printed the three tables of the default level. The baseline runs on
        // the seed world, whose 16 topics (MalformedSeedTests lists them) each get a row of the agreements table: the
        // line counts them instead.
        var line = Assert.Single(run.Output.TrimEnd('\n').Split('\n'));
        Assert.Matches(new Regex(@"^What-if baseline: 4 of 4 runs, seed \d+; an agreement in force at the end of most runs on \d+ of 16 topics"), line);
        Assert.DoesNotContain("Final positions", run.Output);
    }

    [Fact]
    public async Task Seed_at_q_fits_its_count_line_to_the_terminal()
    {
        var run = await Run(40, "seed", "-q");

        Assert.True(run.ExitCode == 0, run.ToString());
        // "world abe-trump-2017-11-06: 4 actors, 16 topics, …" is longer than 40 columns on its own (the id and the
        // first two counts alone are 46): it wraps, every line within the 40.
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length > 1, run.Output);
        Assert.All(lines, l => Assert.True(l.Length <= 40, $"'{l}' is {l.Length} columns"));
        Assert.StartsWith("world abe-trump-2017-11-06: 4 actors,", lines[0]);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("whatif")]
    [InlineData("seed")]
    public async Task The_help_says_what_each_level_prints(string command)
    {
        var help = await Run(300, command, "--help");

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("m[inimal] (the summary alone, no tables, and where files went)", help.Output);
        Assert.Contains("q[uiet] (errors only, nothing on standard output)", help.Output);
    }
}

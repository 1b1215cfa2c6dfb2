using System.Text.RegularExpressions;

namespace Summits.Cli.Tests;

/// <summary><c>summits run --report DIR --pair A,B</c>: the two parties a report's bargaining figures plot where more than two are party.</summary>
public sealed partial class RunPairTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-pair-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Three actors on one topic, far apart and hard-line, so no deal is made and the topic stays an open
    // table of three parties: A (capability 0.9) and B (0.8) are the two most capable, C (0.2) the least.
    private string ThreePartyWorld() => OneTopicWorld.Write(Path.Combine(_folder, "three.yaml"), "three", "Three parties on one topic",
        new("A", 0.9, 10, "hardliner"), new("B", 0.8, 50, "hardliner"), new("C", 0.2, 90, "hardliner"));

    private async Task<(SummitsRun Run, string Report)> RunWith(params string[] pair)
    {
        var report = Path.Combine(_folder, "report");
        var run = await SummitsProcess.RunInAsync(_folder, ["run", "--world", ThreePartyWorld(), "--rounds", "3", "--engine", "local", "-q", "--report", report, .. pair], null);
        return (run, report);
    }

    private static string Caption(string html) => Plotted().Match(html).Value;

    [GeneratedRegex("plotted for [A-Z]+ and [A-Z]+")]
    private static partial Regex Plotted();

    [Fact]
    public async Task Without_a_pair_the_open_table_of_three_is_plotted_for_the_two_most_capable()
    {
        var (run, report) = await RunWith();

        Assert.True(run.ExitCode == 0, run.ToString());
        // A (0.9) before B (0.8): the most capable on the x axis.
        Assert.Equal("plotted for A and B", Caption(File.ReadAllText(Path.Combine(report, "report.html"))));
    }

    // "c,a" differs from "C,A" only in case, so it names the same two actors, as any id on the command line does.
    [Theory]
    [InlineData("C,A")]
    [InlineData("c,a")]
    public async Task A_pair_names_the_two_parties_in_its_order(string pair)
    {
        var (run, report) = await RunWith("--pair", pair);

        Assert.True(run.ExitCode == 0, run.ToString());
        // C, the least capable, is plotted because it was named, and first: on the x axis.
        var html = File.ReadAllText(Path.Combine(report, "report.html"));
        Assert.Equal("plotted for C and A", Caption(html));
        Assert.Contains("utility of C", html);
    }

    [Theory]
    [InlineData("A,X", "--pair names 'X', which is not an actor of three; the actors are A, B and C")]
    [InlineData("A,A", "--pair must name two different actors as A,B, not 'A,A'; the actors are A, B and C")]
    [InlineData("a,A", "--pair must name two different actors as A,B, not 'a,A'; the actors are A, B and C")]
    [InlineData("A", "--pair must name two different actors as A,B, not 'A'; the actors are A, B and C")]
    public async Task A_bad_pair_is_one_line_exit_2_and_writes_no_report(string pair, string error)
    {
        var (run, report) = await RunWith("--pair", pair);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits run: error: {error} (see 'summits run --help')\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(report));
    }

    [Fact]
    public async Task A_pair_without_a_report_is_refused()
    {
        var run = await SummitsProcess.RunInAsync(_folder, ["run", "--world", ThreePartyWorld(), "--engine", "local", "--pair", "A,B"], null);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--pair applies only with --report", run.Error);
    }

    [Fact]
    public async Task Help_names_the_pair_option()
    {
        var run = await SummitsProcess.RunInAsync(_folder, ["run", "--help"], null);

        Assert.Contains("--pair <A,B>", run.Output);
    }
}

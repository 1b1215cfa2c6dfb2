using System.Globalization;
using System.Text.RegularExpressions;
using Summits.Cli.Output;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// A fitted table that leaves columns out to fit names them under it in the table's own order, whatever order it left
/// them out in; every table that can leave one out says so.
/// </summary>
public sealed class LeftOutColumnsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-left-out-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The columns of a study's final positions, with the study's own drop ranks: p95 first, then p5, sd, p50.</summary>
    private static readonly FittedColumn[] Positions =
    [
        new("topic"), new("actor"), new("start", Right: true), new("mean", Right: true), new("sd", Right: true, Drop: 3),
        new("p5", Right: true, Drop: 2), new("p50", Right: true, Drop: 4), new("p95", Right: true, Drop: 1),
    ];

    private static readonly string[] Row = ["bilateral-fta", "JP", "20", "25.3995", "9.6077", "11.0631", "25.1625", "40.0558"];

    [Fact]
    public void Columns_left_out_in_another_order_are_named_in_the_tables()
    {
        // No column wraps, so each is as wide as the wider of its header and its cell: topic 13 ("bilateral-fta"),
        // actor 5 (the header), start 5, mean 7, sd 6, p5 7, p50 7, p95 7; 57 in all, with 7 gutters of 2, 71. A width of
        // 50 less the indent of 2 leaves 48. The highest drop rank goes first: p50 (7 + a gutter of 2) leaves 62, over
        // 48; then sd (6 + 2), 54, still over; then p5 (7 + 2), 45, which fits, so p95 stays. Left out in the order p50,
        // sd, p5; in the table's order sd, p5, p50.
        var output = new StringWriter();
        var dropped = FittedTable.Write(output, Positions, [Row], 50, "  ");

        Assert.Equal(["sd", "p5", "p50"], dropped);
        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(["topic", "actor", "start", "mean", "p95"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_note_names_them_in_the_tables_order()
    {
        // The three of the test above, in the table's order, joined as a list: "sd, p5 and p50". The note wraps at 50,
        // its continuation indented; read as one line it is the sentence whole.
        var output = new StringWriter();
        FittedTable.WriteLeftOut(output, FittedTable.Write(new StringWriter(), Positions, [Row], 50, "  "), 50, "  ");

        Assert.Equal("(left out to fit 50 columns: sd, p5 and p50; --format csv has every column)",
            Regex.Replace(output.ToString(), @"\s+", " ").Trim());
        Assert.All(output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'), line => Assert.True(line.Length <= 50, line));
    }

    [Theory]
    // The seeded world's actors: actor 5 (the header; the ids are 2), name a text column 16 wide at least (its cells
    // are longer; its longest word, "Democratic", is 10), capability 10 (the header), strategy 9 ("hardliner"),
    // curvature 9 (the header; the values are 0.6 to 1.3): 49, with 4 gutters of 2, 57. Less the indent of 2, 59 columns
    // leave 57, which fits; 58 leave 56, so curvature goes (9 and its gutter) and 46 fit. seed's CSV is its positions
    // alone, so the note points to its JSON.
    [InlineData(59, false)]
    [InlineData(58, true)]
    public void The_seeded_worlds_actors_say_when_curvature_is_left_out(int width, bool leftOut)
    {
        var output = new StringWriter();
        WorldReport.Write(output, WorldFile.Load(SeedFiles.World), width);

        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        var header = lines[Array.IndexOf(lines, "Actors") + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(leftOut ? ["actor", "name", "capability", "strategy"] : ["actor", "name", "capability", "strategy", "curvature"], header);
        Assert.Equal(leftOut, Regex.Replace(output.ToString(), @"\s+", " ").Contains(
            $"(left out to fit {width} columns: curvature; --format json has every field)", StringComparison.Ordinal));
    }

    [Theory]
    // press-fta against offer-package: the package gained, a row per topic. change 6 ("gained", as its header), agreement
    // 9 (the header; "package" is 7), topic 19 ("defense-procurement"), A a text column of "none", 4, B a text column
    // whose longest cell "35 (holding)" is 12, under the 16 a text column is made at least: 50, with 4 gutters of 2,
    // 58. Less the indent of 2, 60 columns leave 58, which fits; 59 leave 57, so topic goes and the note names it.
    [InlineData(60, false)]
    [InlineData(59, true)]
    public async Task A_comparisons_agreements_say_when_the_topic_is_left_out(int width, bool leftOut)
    {
        var scenario = Path.Combine(SeedFiles.Root, "scenarios", "what-if", "us-fta-press-or-package.yaml");
        var run = await SummitsProcess.RunInAsync(_folder, ["compare", scenario + "#press-fta", scenario + "#offer-package", "--engine", "local"],
            new Dictionary<string, string> { ["COLUMNS"] = width.ToString(CultureInfo.InvariantCulture) });

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.ReplaceLineEndings("\n").Split('\n');
        var header = lines[Array.IndexOf(lines, "Agreements (A → B), a row per topic of each one's terms") + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(leftOut ? ["change", "agreement", "A", "B"] : ["change", "agreement", "topic", "A", "B"], header);
        Assert.Equal(leftOut, Regex.Replace(run.Output, @"\s+", " ").Contains(
            $"(left out to fit {width} columns: topic; --format csv has every column)", StringComparison.Ordinal));
    }
}

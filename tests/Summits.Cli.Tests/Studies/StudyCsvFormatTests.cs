using System.Globalization;
using Summits.Scenarios;

namespace Summits.Cli.Tests;

/// <summary>
/// <c>summits whatif --format csv</c> prints every table <c>-o DIR</c> writes with a row per topic, position, pair or
/// expectation: agreements, positions, sensitivity and expectations, each under <c># NAME.csv</c> with a blank line
/// between, the expectations the same bytes as <c>expectations.csv</c>, and its header alone for a scenario without any.
/// </summary>
public sealed class StudyCsvFormatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-study-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>z for a two-sided 95% interval, as the study takes it (Φ⁻¹(0.975)).</summary>
    private const double Z = 1.959963984540054;

    /// <summary>
    /// A world of two parties on one topic t, A at 50 and B at 30, with no ranges: nothing is drawn, so every run of a
    /// study is the same run.
    /// </summary>
    private string World() => OneTopicWorld.Write(Path.Combine(_folder, "w.yaml"), "w", "W", new("A", 0.5, 50), new("B", 0.5, 30));

    private string Scenario(string name, string steps)
    {
        World();
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, $"format: 2\nscenario: s\nabout: A test.\nworld: w.yaml\nseed: 1\nsteps:\n{steps}");
        return path;
    }

    private async Task<SummitsRun> Study(params string[] arguments)
    {
        var run = await SummitsProcess.RunInAsync(_folder, ["whatif", .. arguments, "--engine", "local", "-q"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    /// <summary>
    /// The printed tables by their '# NAME' lines, in order, each table's text as its file holds it: its lines, each
    /// ending in a line ending, without the blank line that separates it from the next.
    /// </summary>
    private static List<(string Name, string Text)> Sections(string output)
    {
        var parts = output.Split("\n\n");
        var sections = new List<(string Name, string Text)>();
        for (var i = 0; i < parts.Length; i++)
        {
            var newline = parts[i].IndexOf('\n', StringComparison.Ordinal);
            Assert.StartsWith("# ", parts[i], StringComparison.Ordinal);
            // The split took each table's last line ending but the last table's with the blank line after it.
            sections.Add((parts[i][2..newline], parts[i][(newline + 1)..] + (i < parts.Length - 1 ? "\n" : "")));
        }
        return sections;
    }

    [Fact]
    public async Task Format_csv_prints_the_expectations_last_as_expectations_csv_writes_them()
    {
        // Line 7 is the first '- expect:' (format, scenario, about, world, seed and steps take lines 1 to 6), line 10
        // the second. Nothing is proposed, so in each of the 4 runs no agreement is made: the first holds in all 4, the
        // second in none.
        var scenario = Scenario("s.yaml",
            "  - expect:\n"
            + "      agreement: { topic: t, absent: true }\n"
            + "      because: nothing is proposed, so nothing is agreed.\n"
            + "  - expect:\n"
            + "      agreement: { topic: t, parties: [A, B], value: 40 }\n"
            + "      because: no one proposes 40.\n");
        var run = await Study(scenario, "--runs", "4", "--format", "csv", "-o", "out");

        var sections = Sections(run.Output);
        Assert.Equal(["agreements.csv", "positions.csv", "sensitivity.csv", "expectations.csv"], sections.Select(s => s.Name));
        // The table -o wrote, byte for byte, printed last.
        var expectations = sections[3].Text;
        Assert.Equal(File.ReadAllText(Path.Combine(_folder, "out", "expectations.csv")), expectations);

        var rows = expectations.Split('\n')[..^1].Select(line => CsvField.Split(line).Select(f => f.Text).ToArray()).ToArray();
        Assert.Equal(["step", "line", "what", "held", "runs", "share", "low", "high", "because"], rows[0]);
        Assert.Equal(3, rows.Length);
        // The steps are numbered from 1 in the file's order; each expectation in words as the text gives it.
        Assert.Equal(["step-1", "7", "no agreement on t", "4", "4", "1"], rows[1][..6]);
        Assert.Equal(["step-2", "10", "agreement on t between A and B, at 40", "0", "4", "0"], rows[2][..6]);
        // Wilson with n = 4: for 4 of 4 the upper bound is 1 and the lower (1 + z²/2n − z·√(z²/4n²)) / (1 + z²/n)
        // = 1 / (1 + z²/4) = 4 / (4 + z²) = 4 / 7.8414588… = 0.5101091…; for 0 of 4 the lower bound is 0 and the upper
        // (z²/2n + z·√(z²/4n²)) / (1 + z²/n) = (z²/4) / (1 + z²/4) = z² / (4 + z²) = 0.4898908….
        Assert.Equal(4 / (4 + Z * Z), Number(rows[1][6]), 1e-12);
        Assert.Equal("1", rows[1][7]);
        Assert.Equal("0", rows[2][6]);
        Assert.Equal(Z * Z / (4 + Z * Z), Number(rows[2][7]), 1e-12);
        Assert.Equal(["nothing is proposed, so nothing is agreed.", "no one proposes 40."], [rows[1][8], rows[2][8]]);
        // The first reason holds a comma, so it is quoted as RFC 4180 quotes a field; the second needs no quotes.
        Assert.EndsWith(",\"nothing is proposed, so nothing is agreed.\"", expectations.Split('\n')[1], StringComparison.Ordinal);
        Assert.EndsWith(",no one proposes 40.\n", expectations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_without_expectations_prints_the_header_of_expectations_csv_alone_as_an_empty_sensitivity_table_is()
    {
        // No expect step, and no ranges to draw: nothing varies over the runs, so no pair is ranked and sensitivity.csv
        // is its header alone too.
        var scenario = Scenario("n.yaml",
            "  - propose:\n"
            + "      from: A\n"
            + "      to: [B]\n"
            + "      terms: { t: 45 }\n");
        var run = await Study(scenario, "--runs", "4", "--format", "csv");

        var sections = Sections(run.Output);
        Assert.Equal(["agreements.csv", "positions.csv", "sensitivity.csv", "expectations.csv"], sections.Select(s => s.Name));
        Assert.Equal("rank,input,outcome,rho,p,q,significant\n", sections[2].Text);
        Assert.Equal("step,line,what,held,runs,share,low,high,because\n", sections[3].Text);
        Assert.EndsWith("\n\n# expectations.csv\nstep,line,what,held,runs,share,low,high,because\n", run.Output);
    }

    [Fact]
    public async Task A_fork_prints_the_four_tables_under_each_branch()
    {
        // Line 7 is the shared '- expect:' (lines 1 to 6 as above), step-1 in both branches; the fork (line 10) is no
        // step of its own, so each branch's one step is step-2: at line 12 in 'quiet', at line 15 in 'hopeful'. Nothing
        // is proposed, so in both runs of each branch no agreement is made: 'no agreement on t' holds in 2 of 2, the
        // agreement at 40 in 0 of 2.
        var fork = Scenario("f.yaml",
            "  - expect:\n"
            + "      agreement: { topic: t, absent: true }\n"
            + "      because: nothing is proposed, so nothing is agreed.\n"
            + "  - fork:\n"
            + "      quiet:\n"
            + "        - expect:\n"
            + "            agreement: { topic: t, absent: true }\n"
            + "      hopeful:\n"
            + "        - expect:\n"
            + "            agreement: { topic: t, parties: [A, B], value: 40 }\n");
        var run = await Study(fork, "--runs", "2", "--format", "csv");

        // The branches in the file's order, each a '# branch NAME' line and then its four tables.
        var lines = run.Output.Split('\n');
        Assert.Equal(["# branch quiet", "# agreements.csv", "# positions.csv", "# sensitivity.csv", "# expectations.csv",
            "# branch hopeful", "# agreements.csv", "# positions.csv", "# sensitivity.csv", "# expectations.csv"], lines.Where(l => l.StartsWith('#')));
        var quiet = Array.IndexOf(lines, "# expectations.csv");
        var hopeful = Array.LastIndexOf(lines, "# expectations.csv");
        Assert.Equal("step,line,what,held,runs,share,low,high,because", lines[quiet + 1]);
        // quiet's expectations are its header and two rows (quiet + 1 to + 3); a blank line then sets the next branch
        // apart, as one sets each table apart from the next within a branch.
        Assert.Equal(["", "# branch hopeful", "# agreements.csv"], lines[(quiet + 4)..(quiet + 7)]);
        // Two branches of four tables are eight tables in a row: 3 blank lines within each branch and 1 between the two
        // make 7, and the empty string after the output's last line ending is the 8th empty element of the split.
        Assert.Equal(8, lines.Count(l => l.Length == 0));
        Assert.Equal("step,line,what,held,runs,share,low,high,because", lines[hopeful + 1]);
        string[][] rows = [Row(lines[quiet + 2]), Row(lines[quiet + 3]), Row(lines[hopeful + 2]), Row(lines[hopeful + 3])];
        Assert.Equal(["step-1", "7", "no agreement on t", "2", "2", "1"], rows[0][..6]);
        Assert.Equal(["step-2", "12", "no agreement on t", "2", "2", "1"], rows[1][..6]);
        Assert.Equal(["step-1", "7", "no agreement on t", "2", "2", "1"], rows[2][..6]);
        Assert.Equal(["step-2", "15", "agreement on t between A and B, at 40", "0", "2", "0"], rows[3][..6]);
        // Wilson with n = 2: for 2 of 2 the upper bound is 1 and the lower n / (n + z²) = 2 / (2 + z²) = 2 / 5.8414588…
        // = 0.3423802…; for 0 of 2 the lower bound is 0 and the upper z² / (2 + z²) = 0.6576197….
        foreach (var row in rows[..3])
        {
            Assert.Equal(2 / (2 + Z * Z), Number(row[6]), 1e-12);
            Assert.Equal("1", row[7]);
        }
        Assert.Equal("0", rows[3][6]);
        Assert.Equal(Z * Z / (2 + Z * Z), Number(rows[3][7]), 1e-12);
        // The shared step's reason, in both branches; the branches' own steps give none, so their lines end in the comma
        // before an empty field (which CsvField.Split leaves out, as a spreadsheet's trailing empty fields).
        Assert.Equal(["nothing is proposed, so nothing is agreed.", "nothing is proposed, so nothing is agreed."], [rows[0][8], rows[2][8]]);
        Assert.Equal([8, 8], [rows[1].Length, rows[3].Length]);
        Assert.EndsWith(",", lines[quiet + 3], StringComparison.Ordinal);
        Assert.EndsWith(",", lines[hopeful + 3], StringComparison.Ordinal);
        // The output ends with that row's line ending.
        Assert.Equal("", lines[hopeful + 4]);
        Assert.Equal(hopeful + 5, lines.Length);
    }

    private static string[] Row(string line) => [.. CsvField.Split(line).Select(f => f.Text)];

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

using System.Collections.Immutable;
using System.Globalization;
using Summits.Cli.Output;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// A table too wide for the terminal stands as a block per row, and every value in a block says which column it is
/// from: the first as much as the others, and a column of marks (the sensitivity's <c>*</c>) by what the mark says.
/// </summary>
public sealed class BlockLayoutTests
{
    /// <summary>
    /// A study of 200 runs with two ranked pairs: salience JP bilateral-fta against the agreement on bilateral-fta,
    /// ρ −0.4021, flagged, and position JP north-korea-sanctions against JP's final position on bilateral-fta, ρ 0.1234,
    /// p 0.0812, not flagged.
    /// </summary>
    private static StudyResult TwoPairs() => new("0.0.0", "s", "", "w", 42, Engine.Local, 200, 200, false, [], [], null, [],
        [new Sensitivity("salience JP bilateral-fta", "agreement bilateral-fta", -0.4021, 0.00001, 0.00002, true),
         new Sensitivity("position JP north-korea-sanctions", "position JP bilateral-fta", 0.1234, 0.0812, 0.0812, false)],
        new SensitivityTest(200, 2, 0.05, 0.1388, 1, 0, 0.1));

    [Fact]
    public void At_40_columns_each_sensitivity_pair_names_every_value()
    {
        // Side by side the table needs 7 (ρ, "-0.4021") + 1 (the mark) + 7 (p, "<0.0001") + 21 (input, a text column as
        // wide as its longest word, "north-korea-sanctions") + 16 (outcome, a text column's least) + 4 gutters of 2 = 60
        // cells, more than the 38 that 40 columns leave after the indent of 2. No column may be left out, so each pair
        // stands as a block: its ρ first, then each other value beside its column's name, the mark's column as
        // "significant: yes" or "no"; ρ signed and p as the table shows them (+0.1234; <0.0001 below 0.0001). "    input: position JP north-korea-sanctions" is 4 + 7 + 33 = 44 cells, over 40: it
        // breaks before the id, which goes on at 8 (the indent of 2, the block's 2 and 4 more); "    outcome: position
        // JP bilateral-fta" is 4 + 9 + 25 = 38 and fits.
        var output = new StringWriter();
        StudyText.Write(output, TwoPairs(), 40);
        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

        var first = Array.IndexOf(lines, "  ρ: -0.4021");
        Assert.True(first > 0, string.Join('\n', lines));
        Assert.Equal(
        [
            "  ρ: -0.4021",
            "    significant: yes",
            "    p: <0.0001",
            "    input: salience JP bilateral-fta",
            "    outcome: agreement bilateral-fta",
            "  ρ: +0.1234",
            "    significant: no",
            "    p: 0.0812",
            "    input: position JP",
            "        north-korea-sanctions",
            "    outcome: position JP bilateral-fta",
        ], lines[first..]);
    }

    [Theory]
    // 40 columns leave 38 after the indent, fewer than the 60 the table needs side by side (above): blocks, whose mark
    // reads "significant: yes" (only the legend's start is matched, as it wraps at 40). 80 leave 78, room for the 60:
    // the mark is the '*' in its column.
    [InlineData(40, "  significant: yes = significant at a")]
    [InlineData(80, "  * = significant at a 5% false discovery rate")]
    public void The_legend_names_the_mark_as_the_table_shows_it(int width, string start)
    {
        var output = new StringWriter();
        StudyText.Write(output, TwoPairs(), width);

        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Single(lines, l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith(width == 40 ? "  * =" : "  significant: yes =", StringComparison.Ordinal));
    }

    [Fact]
    public void A_first_column_without_a_header_names_its_rows_itself()
    {
        // A fork's table: the first column's cells are the rows' own names ("events"), each other value beside its
        // branch's name.
        var output = new StringWriter();
        FittedTable.WriteBlocks(output, [new(""), new("press-fta"), new("offer-package")], [["events", "28", "10"]], 40);

        Assert.Equal(["events", "  press-fta: 28", "  offer-package: 10"], output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_column_after_the_first_with_neither_header_nor_flag_is_refused()
    {
        // Its values would stand in a block with no name: the table is refused before anything is written.
        var output = new StringWriter();
        var refused = Assert.Throws<ArgumentException>(() => FittedTable.Write(output, [new("topic"), new("")], [["t", "x"]], 40));

        Assert.Contains("column 2 of 2 has no header", refused.Message, StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
        // Asked for blocks directly, the same.
        Assert.Throws<ArgumentException>(() => FittedTable.WriteBlocks(output, [new("topic"), new("")], [["t", "x"]], 40));
        Assert.Equal("", output.ToString());
    }

    [Theory]
    [InlineData(40)]
    [InlineData(60)]
    public async Task A_study_at_a_narrow_terminal_names_every_value_of_its_sensitivity_blocks(int columns)
    {
        // us-presses-bilateral-fta over 200 runs, seed 42: among the 15 strongest pairs are the input "position JP
        // us-defense-commitment" (its longest word 21) and the outcome "agreement defense-procurement" (19), so side by
        // side the table needs at least 7 (ρ) + 1 (the mark) + 7 (p) + 21 + 19 + 4 gutters of 2 = 63 cells, more than the
        // 58 that 60 columns leave after the indent of 2, and none of its columns may be left out. Each pair then stands
        // as five named lines, ρ, significant, p, input and outcome, any of them continued on lines indented by 6 or more.
        var run = await SummitsProcess.RunInAsync(SeedFiles.Root,
            ["whatif", Path.Combine("scenarios", "what-if", "us-presses-bilateral-fta.yaml"), "--runs", "200", "--engine", "local"],
            new Dictionary<string, string> { ["COLUMNS"] = columns.ToString(CultureInfo.InvariantCulture) });

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        var lines = run.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var first = Array.FindIndex(lines, l => l.StartsWith("  ρ: ", StringComparison.Ordinal));
        Assert.True(first > 0, run.Output);
        var section = lines[first..];
        Assert.Equal(15, section.Count(l => l.StartsWith("  ρ: ", StringComparison.Ordinal)));
        string[] names = ["  ρ: ", "    significant: ", "    p: ", "    input: ", "    outcome: "];
        var named = section.Where(l => !l.StartsWith("      ", StringComparison.Ordinal)).ToList();
        Assert.Equal(15 * names.Length, named.Count);
        for (var i = 0; i < named.Count; i++)
            Assert.StartsWith(names[i % names.Length], named[i], StringComparison.Ordinal);
    }
}

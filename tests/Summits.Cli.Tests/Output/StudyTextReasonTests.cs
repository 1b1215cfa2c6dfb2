using Summits.Cli.Output;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// A study's text says why each expectation it counts was expected: each <c>expect</c> step's <c>because:</c>, under
/// the expectations, as <c>summits run</c> gives it beside the expectation's result.
/// </summary>
public sealed class StudyTextReasonTests
{
    private static readonly Proportion Always = new(5, 5, 1, 0.57, 1);
    private static readonly Proportion Never = new(0, 5, 0, 0, 0.43);

    /// <summary>A study of 5 runs with these expectations and nothing else: no topic, position or sampled input.</summary>
    private static StudyResult With(params ExpectationOdds[] each) =>
        new("0.0.0", "reasons", "", "tiny", 1, Engine.Local, 5, 5, false, [], [], each.All(e => e.Held == Always) ? Always : Never, [], [], EachExpectation: [.. each]);

    private static string[] Lines(StudyResult study, int width = 100)
    {
        var output = new StringWriter();
        StudyText.Write(output, study, width);
        return output.ToString().ReplaceLineEndings("\n").Split('\n');
    }

    [Fact]
    public async Task Summits_whatif_prints_each_step_s_reason_under_the_expectations_wrapped_to_the_width()
    {
        // The three expect steps of us-presses-bilateral-fta.yaml, step-4, step-5 and step-6, at lines 44, 47 and 50;
        // their `because:` texts copied by hand from the file's lines 46, 49 and 52. COLUMNS=100: a line longer than 100
        // goes on on lines indented by 6 (its own 2 and 4 more), which read back as the one line joined at single spaces.
        var folder = Directory.CreateTempSubdirectory("summits-reasons-");
        try
        {
            var run = await SummitsProcess.RunInAsync(folder.FullName,
                ["whatif", SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml"), "--runs", "20", "--engine", "local"],
                new Dictionary<string, string> { ["COLUMNS"] = "100" });
            Assert.Equal(0, run.ExitCode);
            var lines = run.Output.ReplaceLineEndings("\n").Split('\n');
            var last = Array.FindIndex(lines, l => l.StartsWith("  no agreement on bilateral-fta", StringComparison.Ordinal));
            Assert.True(last > 0, run.Output);
            var after = lines.Skip(last + 1).TakeWhile(l => l.Length > 0).ToList();

            Assert.All(after, l => Assert.True(l.Length <= 100, l));
            var joined = new List<string>();
            foreach (var line in after)
            {
                if (line.StartsWith("      ", StringComparison.Ordinal))
                    joined[^1] += " " + line.TrimStart();
                else
                    joined.Add(line);
            }
            Assert.Equal(
                [
                    "  step-4 (line 44) because: 80 lies beyond Japan's reservation value 36.25, so it is worth less to Japan than no deal (its BATNA).",
                    "  step-5 (line 47) because: every US offer pulls Japan a little toward it, even when Japan refuses.",
                    "  step-6 (line 50) because: the parties' reservation values on the FTA (36.25 and 61.5 at the start, 38.915 and 60.5715 in their last round offers) never meet, and procurement cannot pay for the gap.",
                ],
                joined);
            // By hand, at 100 columns with a 6-space continuation: step-4's line is 130 characters (2 lines), step-5's 99
            // (1), step-6's 199 (3): 6 lines.
            Assert.Equal(6, after.Count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void One_expectation_s_reason_follows_the_line_that_says_how_often_it_held()
    {
        // One expectation: no table, so the reason stands right under the share of runs.
        var lines = Lines(With(new ExpectationOdds("ask", 12, "agreement on t", Always, "50 lies inside B's window.")));

        var at = Array.IndexOf(lines, "Every expectation held in 100.0% [57.0, 100.0] of runs");
        Assert.True(at >= 0, string.Join('\n', lines));
        Assert.Equal("  ask (line 12) because: 50 lies inside B's window.", lines[at + 1]);
        Assert.Equal("", lines[at + 2]);
    }

    [Fact]
    public void A_step_of_several_expectations_gives_its_reason_once_and_a_step_without_one_gives_none()
    {
        // step-2 holds two expectations under one reason; step-3 gives none: one reason line, after the table's 3 lines.
        var lines = Lines(With(
            new ExpectationOdds("step-2", 8, "agreement on t", Always, "50 lies inside B's window."),
            new ExpectationOdds("step-2", 8, "event agreement-made on t", Always, "50 lies inside B's window."),
            new ExpectationOdds("step-3", 11, "no agreement on u", Never)));

        var at = Array.FindIndex(lines, l => l.StartsWith("Every expectation held in", StringComparison.Ordinal));
        Assert.StartsWith("  no agreement on u ", lines[at + 4]);
        Assert.Equal("  step-2 (line 8) because: 50 lies inside B's window.", lines[at + 5]);
        Assert.Equal("", lines[at + 6]);
        Assert.Single(lines, l => l.Contains("because:", StringComparison.Ordinal));
    }

    [Fact]
    public void No_reason_is_printed_when_no_step_gives_one()
    {
        var lines = Lines(With(new ExpectationOdds("step-2", 8, "agreement on t", Always), new ExpectationOdds("step-3", 11, "no agreement on u", Never)));

        Assert.DoesNotContain(lines, l => l.Contains("because", StringComparison.Ordinal));
    }

    [Fact]
    public void A_control_character_in_a_reason_is_shown_escaped()
    {
        // The scenario reader gives a reason on one line (ExpectationOddsTests: a YAML block's lines joined); what is
        // left to the text is a control character such as an escape (U+001B), which would drive the terminal: it is
        // shown as \x1B.
        var lines = Lines(With(new ExpectationOdds("gap", 20, "no agreement on t", Always, "the gap is too wide. \u001b[2J")));

        Assert.Contains(@"  gap (line 20) because: the gap is too wide. \x1B[2J", lines);
    }
}

namespace Summits.Cli.Tests;

/// <summary>
/// What <c>summits seed draft</c> says besides the draft: every line it did not draft and every thing to check, in
/// the order of the readout, and, under <c>-q</c> and <c>-v quiet</c>, the one line counting them that its help
/// promises.
/// </summary>
public sealed class DraftNotesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-draft-notes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Line 1 a heading in brackets (not drafted); line 2 Abe's statement; line 3 a leader called only by a title
    // (a speaker to check, at 3:1) whose words share none of Abe's statement's subjects (no topic, at 3:21, after
    // "The Prime Minister: ", 20 characters).
    private const string Readout = "[Summary]\nAbe: Japan will buy more defence equipment.\nThe Prime Minister: Hello there everyone.\n";

    [Fact]
    public async Task The_lines_not_drafted_and_to_check_come_in_the_order_of_the_readout()
    {
        var readout = Path.Combine(_folder, "readout.txt");
        File.WriteAllText(readout, Readout);

        var run = await SummitsProcess.RunInAsync(_folder, ["seed", "draft", "readout.txt", "-o", "draft.yaml"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        // By line, then column: 1:1, 3:1, 3:21. Before, the speaker to check (3:1) came first, as its kind was listed first.
        Assert.Equal(
            [
                "readout.txt:1:1: not drafted: \"[Summary]\": a section heading in brackets",
                "readout.txt:3:1: check the speaker 'Prime Minister': the readout calls this leader only 'the Prime Minister' and never gives a name: name the leader and the country",
                "readout.txt:3:21: no topic: \"Hello there everyone.\" uses none of the subjects' words; drafted under the topic 'unassigned-1' for you to place",
            ],
            run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[..^1]);
        // Then, last, where the draft went.
        Assert.StartsWith("wrote draft.yaml: ", run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[^1]);
    }

    [Theory]
    // -q: the count, then where the draft went, both on standard error; -v quiet: the count alone (it is a warning,
    // not a success message).
    [InlineData("-q", "wrote draft.yaml\n")]
    [InlineData("-v quiet", "")]
    public async Task Quiet_and_minimal_count_what_was_not_drafted_or_is_to_check_as_the_help_says(string level, string wrote)
    {
        var readout = Path.Combine(_folder, "readout.txt");
        File.WriteAllText(readout, Readout);

        var run = await SummitsProcess.RunInAsync(_folder, ["seed", "draft", "readout.txt", "-o", "draft.yaml", .. level.Split(' ')]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Output);
        // One line not drafted (the heading); two things to check (the speaker, the statement with no topic).
        Assert.Equal("readout.txt: 1 line or sentence not drafted and 2 things to check (-v normal lists each with its place and reason)\n" + wrote, run.Error.ReplaceLineEndings("\n"));

        var help = (await SummitsProcess.RunInAsync(_folder, ["seed", "draft", "--help"], new Dictionary<string, string> { ["COLUMNS"] = "1000" })).Output;
        Assert.Contains("Count what was not drafted or is to check in one line instead of listing each, and with --output say where the draft went without its counts (--verbosity minimal)", help, StringComparison.Ordinal);
        Assert.Contains("q[uiet] (errors, and the line counting what was not drafted or is to check), m[inimal] (that line, and with --output where the draft went)", help, StringComparison.Ordinal);
        Assert.DoesNotContain("says nothing but errors", help, StringComparison.Ordinal);
    }
}

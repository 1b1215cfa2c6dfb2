using System.Globalization;
using System.Text;
using Summits.Cli.Output;

namespace Summits.Cli.Tests;

/// <summary>
/// Every padding and every wrapping measures in terminal cells, the one measure <see cref="TerminalWidth.Cells"/> gives:
/// the help's descriptions, the run's and compare's padded columns, the progress line, and text written without
/// spaces (Chinese, Japanese), which breaks between its characters instead of passing the width as one word.
/// </summary>
public sealed class CellMeasureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-cells-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// The cells a terminal draws, worked out apart from the code under test: two for a character in the East Asian
    /// wide blocks (Hangul Jamo, CJK radicals to Yi, Hangul syllables, compatibility ideographs, fullwidth forms, the
    /// emoji planes, the supplementary ideographs), none for a combining mark, one for the rest.
    /// </summary>
    private static int DrawnCells(string text)
    {
        var cells = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
                continue;
            var wide = v is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
                or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x1F300 and <= 0x1FAFF or >= 0x20000 and <= 0x3FFFD;
            cells += wide ? 2 : 1;
        }
        return cells;
    }

    [Fact]
    public void A_padded_column_is_filled_to_its_cells()
    {
        // 日本 is 4 cells: to 6 cells it takes 2 spaces, where {"日本",-6} counted 2 characters and added 4 (8 cells).
        Assert.Equal("日本  ", TerminalWidth.PadRight("日本", 6));
        // 'e' with a combining acute is 1 cell: right-aligned in 3 it takes 2 spaces before it (by characters, 1).
        Assert.Equal("  e\u0301", TerminalWidth.PadLeft("e\u0301", 3));
        // 中華人民共和国 is 14 cells, more than 10: left as it is, never cut.
        Assert.Equal("中華人民共和国", TerminalWidth.PadRight("中華人民共和国", 10));
        // ASCII is a cell a character: "JP" in 6 cells is "JP" and 4 spaces, as {"JP",-6} gave.
        Assert.Equal("JP    ", TerminalWidth.PadRight("JP", 6));
    }

    [Fact]
    public void A_help_description_in_cjk_wraps_to_80_cells_under_its_column()
    {
        // An option row as the help renders it unwrapped: "  -n, --name <NAME>" (19 columns), 5 spaces, so the
        // description starts at cell 24 and has 80 − 24 = 56 cells. Each word 日本語の名前 is 6 characters, 12 cells.
        // By cells a line holds k words when 24 + 12k + (k − 1) ≤ 80, so k = 4 (75 cells): 4, 4 and the last 2.
        // Counted in characters (24 + 6k + k − 1 ≤ 80, k = 8) the first line held 8 words and drew 24 + 96 + 7 = 127 cells.
        const string word = "日本語の名前";
        var row = "  -n, --name <NAME>     " + string.Join(' ', Enumerable.Repeat(word, 10));
        var four = string.Join(' ', Enumerable.Repeat(word, 4));

        var lines = HelpText.Wrap(row, 80).ToArray();

        Assert.Equal(
        [
            "  -n, --name <NAME>     " + four,
            new string(' ', 24) + four,
            new string(' ', 24) + word + " " + word,
        ], lines);
        Assert.All(lines, l => Assert.True(DrawnCells(l) <= 80, $"'{l}' draws {DrawnCells(l)} cells"));
    }

    [Fact]
    public void A_help_word_wider_in_cells_than_the_room_beside_its_option_goes_under_it()
    {
        // "  --world <FILE>" (16 columns) and 4 spaces: the description starts at cell 20, with 80 − 20 = 60 cells of
        // room. The default path is 38 characters but 66 cells: 東京 4, "/" 1, 首脳会談の記録と資料 20, "/" 1,
        // 二千十七年十一月六日 20, "/" 1, 首脳会談 8, "/" 1, 世界 4, ".yaml]" 6. Wider than the 60, it puts the option on a
        // line alone and the description under it at cell 6: "The world file [default:" (24 cells, to cell 30) and
        // the path, which does not fit after it (30 + 1 + 66 = 97), on the next line at cell 6 (6 + 66 = 72 ≤ 80).
        // Counted in characters (38 ≤ 60) it stood beside the option, on a line of its own at column 20: 86 cells.
        const string path = "東京/首脳会談の記録と資料/二千十七年十一月六日/首脳会談/世界.yaml]";
        var row = "  --world <FILE>    The world file [default: " + path;

        var lines = HelpText.Wrap(row, 80).ToArray();

        Assert.Equal(["  --world <FILE>", "      The world file [default:", "      " + path], lines);
        Assert.All(lines, l => Assert.True(DrawnCells(l) <= 80, $"'{l}' draws {DrawnCells(l)} cells"));
    }

    [Fact]
    public void Japanese_text_breaks_between_its_characters_and_never_before_a_full_stop()
    {
        // 51 characters, every one 2 cells (102), and no space: counted as one word it passed the 80 cells whole. The
        // 41st character is "。", which never starts a line, and the 40th, "た", goes with it; "っ" before it never
        // starts a line either, but may end one. So the first line is the first 39 characters (78 cells), up to "扱っ",
        // and the second is the continuation's 4 spaces and "た。両国は協議を続ける。" (12 characters: 4 + 24 = 28).
        const string text = "両国の首脳は東京で会談し、貿易の不均衡と防衛装備品の購入を一つの取引として扱った。両国は協議を続ける。";

        var lines = TerminalWidth.Wrap(text, 80).ToArray();

        Assert.Equal(["両国の首脳は東京で会談し、貿易の不均衡と防衛装備品の購入を一つの取引として扱っ", "    た。両国は協議を続ける。"], lines);
    }

    [Fact]
    public void An_id_or_a_path_is_never_broken_at_its_wide_characters()
    {
        // An ASCII id has no place to break: one piece. "日本US" breaks between 日 and 本 (two wide characters) and
        // between 本 and U (a wide character beside a narrow one), not inside "US": three pieces.
        Assert.Equal(["trade-imbalance"], TerminalWidth.Pieces("trade-imbalance"));
        Assert.Equal(["日", "本", "US"], TerminalWidth.Pieces("日本US"));
        // A path named to the wrapper stays whole. At 20 cells: "wrote" (5), then the path 出力/日本語の記録 (4 + 1 + 12 =
        // 17 cells) does not fit after it (5 + 1 + 17 = 23), so it starts the next line, whole; at the continuation's
        // indent of 4 it would take 21 cells, so it starts 20 − 17 = 3 cells in. Broken at its wide characters, it
        // would have filled the first line: "wrote 出力/日本語の" and "    記録".
        Assert.Equal(["wrote", "   出力/日本語の記録"], TerminalWidth.Wrap("wrote 出力/日本語の記録", 20, paths: ["出力/日本語の記録"]).ToArray());
    }

    [Fact]
    public void Japanese_text_keeps_small_kana_and_brackets_with_their_neighbours()
    {
        // "ちょっと「協議」を。" (10 characters, 20 cells). Strict Japanese line breaking allows no break before the small
        // kana ょ and っ, none after the opening 「, none before the closing 」 or 。. So the places left are after っ
        // (before と), after と (before 「), after 協 is not one (協議 stand between brackets, but an ideograph pair may
        // break: 「協|議」), after 」 (before を): pieces ちょっ, と, 「協, 議」, を。.
        Assert.Equal(["ちょっ", "と", "「協", "議」", "を。"], TerminalWidth.Pieces("ちょっと「協議」を。"));
        // An id with a hyphen is one piece though a line may break after a hyphen in English text: no wide character
        // stands beside the hyphen.
        Assert.Equal(["us-japan-fta"], TerminalWidth.Pieces("us-japan-fta"));
        // Beside a wide character it may: "日米-fta" breaks between 日 and 米 (two ideographs) and after 米 only if the
        // rules allow a break before a hyphen, which they do not (a hyphen never starts a line): 日, 米-fta.
        Assert.Equal(["日", "米-fta"], TerminalWidth.Pieces("日米-fta"));
    }

    [Fact]
    public void Without_icu_japanese_text_breaks_beside_every_wide_character_with_a_note()
    {
        // No ICU (a null locale): every boundary between two text elements may break, and Pieces keeps those beside a
        // wide character. "ちょっと「協議」を。" is 10 wide characters, so 10 pieces of one each, the small kana and
        // the brackets no longer kept with their neighbours.
        var said = new List<string>();
        using var notes = Summits.Scenarios.FormatNotes.To(said.Add);
        static IReadOnlyList<int> Plain(string word) => LineBreaks.Opportunities(word, null);

        Assert.Equal(["ち", "ょ", "っ", "と", "「", "協", "議", "」", "を", "。"], TerminalWidth.Pieces("ちょっと「協議」を。", Plain));
        // An id keeps whole: no wide character stands beside any of its boundaries. "日米-fta" breaks after 日 and after
        // 米 (the edge of a wide character), not inside "-fta".
        Assert.Equal(["us-japan-fta"], TerminalWidth.Pieces("us-japan-fta", Plain));
        Assert.Equal(["日", "米", "-fta"], TerminalWidth.Pieces("日米-fta", Plain));
        // Two words were broken (the id was not): each says the note, which the command prints once at its end.
        Assert.Equal([LineBreaks.MissingIcu, LineBreaks.MissingIcu], said);
        Assert.DoesNotContain('\n', LineBreaks.MissingIcu);
    }

    [Fact]
    public void Without_icu_a_character_and_its_combining_marks_stay_together_as_the_note_says()
    {
        // The note promises breaks "between any two of its characters (each kept whole with the marks that combine
        // with it)". "か\u3099き" is か, the combining voicing mark U+3099 (which makes it が), and き: 3 UTF-16 code
        // units, 2 characters. The only break is between the two characters, at offset 2, never at 1 (between か and
        // its mark). "日本" has two characters of one code unit each: the break is at 1.
        using var notes = Summits.Scenarios.FormatNotes.To(_ => { });
        Assert.Equal([2], LineBreaks.Opportunities("か\u3099き", null));
        Assert.Equal([1], LineBreaks.Opportunities("日本", null));
        Assert.Contains("between any two of its characters (each kept whole with the marks that combine with it)", LineBreaks.MissingIcu, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_column_of_japanese_text_wraps_inside_the_table()
    {
        var output = new StringWriter();

        // At 40 cells. The topic column is 5 wide (its header; "t" is 1), then the gutter of 2. The note is 22
        // characters, 44 cells, with no space. Measured as one word it needed 44 cells, so the table (5 + 2 + 44 = 51)
        // did not fit, each row became a block, and the block's line "  note: …" drew 52 cells. Broken between its
        // characters, the note column starts at 16 cells and takes the 40 − 5 − 2 − 16 = 17 left: 33 cells, 16
        // characters (32 cells) a line, so the note stands on two lines of the table, 16 characters and then 6.
        FittedTable.Write(output, [new("topic"), new("note", Wraps: true)], [["t", "両国の首脳は東京で会談し貿易の不均衡を論じた"]], 40);

        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(["topic  note", "t      両国の首脳は東京で会談し貿易の不", "       均衡を論じた"], lines);
        Assert.All(lines, l => Assert.True(DrawnCells(l) <= 40, $"'{l}' draws {DrawnCells(l)} cells"));
    }

    [Fact]
    public void Run_progress_measures_a_cjk_folder_in_cells()
    {
        var output = new StringWriter();
        var progress = new RunProgress(new StatusLine(output), "baseline", enabled: true, room: 60);

        progress.Say("writing the report to 日本語の報告書/東京: report.html");
        progress.Finish();

        // "writing the report to " is 22 cells, "日本語の報告書/東京" 7 × 2 + 1 + 2 × 2 = 19, ": report.html" 13: 54
        // cells in 45 characters. 60 − 54 − 2 = 4 cells are left, too few for four of the name's and "...": the line
        // alone, erased with 54 + 2 = 56 spaces. Counted in characters 13 were left and "  baseline" came after it: 64
        // cells, past the 60, so the line wrapped and its erasure left the first one showing.
        Assert.Equal("\rwriting the report to 日本語の報告書/東京: report.html\r" + new string(' ', 56) + "\r", output.ToString());
    }

    [Fact]
    public async Task A_run_with_a_japanese_scenario_fits_80_columns()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "首脳会談 2017")).FullName;
        OneTopicWorld.Write(Path.Combine(folder, "w.yaml"), "w", "T", new("A", 0.6, 40), new("B", 0.4, 60));
        var scenario = Path.Combine(folder, "会談.yaml");
        File.WriteAllText(scenario, """
            format: 2
            scenario: s
            about: 両国の首脳は東京で会談し、貿易の不均衡と防衛装備品の購入を一つの取引として扱った。両国は協議を続ける。
            world: w.yaml
            steps:
              - id: offer
                propose: { from: A, to: [B], terms: { t: 50 } }
            """);

        var run = await SummitsProcess.RunInAsync(_folder, ["run", scenario, "--engine", "local"], new Dictionary<string, string> { ["COLUMNS"] = "80" });

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        // The about line, as in Japanese_text_breaks_between_its_characters_and_never_before_a_full_stop: 39
        // characters (78 cells), then "た。" and the rest after the continuation's 4 spaces.
        Assert.Equal("両国の首脳は東京で会談し、貿易の不均衡と防衛装備品の購入を一つの取引として扱っ", lines[1]);
        Assert.Equal("    た。両国は協議を続ける。", lines[2]);
        Assert.All(lines, l => Assert.True(DrawnCells(l) <= 80, $"'{l}' draws {DrawnCells(l)} cells"));
    }
}

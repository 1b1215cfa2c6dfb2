using Summits.Cli.Output;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// The progress lines drawn in place on standard error are cut to the room they are given (the terminal's
/// width less one, less two for a "^C" echo), so none wraps; the erasure clears the columns drawn and the echo's
/// two, and comes before any other line on standard error.
/// </summary>
public sealed class ProgressFitTests
{
    [Fact]
    public void Run_progress_cuts_the_summary_line_to_77_columns_at_80_and_erases_all_of_it()
    {
        var output = new StringWriter();
        // At 80 columns the room is 80 - 1 (the last column) - 2 (the terminal's "^C" echo) = 77.
        var progress = new RunProgress(new StatusLine(output), "trade-for-defense-package", enabled: true, room: 77);

        progress.Say("working out the summary (16 topics' reference points and bargains)");
        progress.Finish();

        // "trade-for-defense-package: " is 27 columns and "working out the summary (16 topics' reference points
        // and bargains)" 66: 93, more than 77. Cut to 77 - 3 = 74 columns (27 + 47: up to "reference " is 46,
        // then "p") and "..." added: 77 columns. The erasure is 77 + 2 = 79 spaces between carriage returns.
        Assert.Equal(
            "\rtrade-for-defense-package: working out the summary (16 topics' reference p..."
            + "\r" + new string(' ', 79) + "\r",
            output.ToString());
    }

    [Fact]
    public void Run_progress_leaves_a_line_that_fits_whole()
    {
        var output = new StringWriter();
        var progress = new RunProgress(new StatusLine(output), "baseline", enabled: true, room: 77);

        progress.Say("writing 3 files");
        progress.Finish();

        // "baseline: writing 3 files" is 9 + 1 + 15 = 25 columns, within 77: drawn whole, erased with 25 + 2 = 27 spaces.
        Assert.Equal("\rbaseline: writing 3 files\r" + new string(' ', 27) + "\r", output.ToString());
    }

    [Fact]
    public void Study_progress_bar_is_cut_to_a_narrow_terminal_and_erased_whole()
    {
        var output = new StringWriter();
        var progress = new StudyProgress(new StatusLine(output), total: 20, room: 37);

        progress.Report(20);
        progress.Finish();

        // At 40 columns the room is 40 - 3 = 37. The bar alone is 1 + 30 + 2 = 33 columns ("[", 30 marks, "] "), and
        // "20/20 runs  100%  " follows, so the line is longer than 37: cut to 34 columns and "..." (37). The bar
        // is full at 20/20: "[" + 30 '#' + "] " + "2" = 34. The erasure is 37 + 2 = 39 spaces.
        Assert.Equal(
            "\r[" + new string('#', 30) + "] 2..."
            + "\r" + new string(' ', 39) + "\r",
            output.ToString());
    }

    [Fact]
    public void A_message_on_standard_error_erases_the_progress_line_first()
    {
        var output = new StringWriter();
        var line = new StatusLine(output);
        var progress = new RunProgress(line, "big", enabled: true, room: 77);

        progress.Say("writing 3 files");
        line.WriteLine("summits run: stopped before it finished");
        line.WriteLine("a second line");

        // "big: writing 3 files" is 3 + 2 + 15 = 20 columns; the message erases it (20 + 2 spaces for a "^C" echo,
        // between carriage returns) and then starts at the left edge; the second line has nothing left to erase.
        Assert.Equal(
            "\rbig: writing 3 files" + "\r" + new string(' ', 22) + "\r"
            + "summits run: stopped before it finished" + Environment.NewLine + "a second line" + Environment.NewLine,
            output.ToString());
    }

    [Fact]
    public async Task A_run_at_80_columns_leaves_no_progress_text_on_the_screen()
    {
        var folder = Directory.CreateTempSubdirectory("summits-progress-").FullName;
        try
        {
            using var terminal = new TmuxTerminal();
            terminal.Start(folder, 80, 200, "run", Path.Combine(SeedFiles.Root, "scenarios", "what-if", "trade-for-defense-package.yaml"), "--engine", "local");

            Assert.Equal(0, await terminal.ExitCodeAsync());
            var screen = terminal.Screen();

            // The run says "trade-for-defense-package: working out the summary (16 topics' reference points and
            // bargains)" (93 columns) while it works out the summary. Wrapped at 80, its first row stayed on the
            // screen; cut to 79 columns it is erased whole, so no row of the finished screen holds any of it.
            Assert.Contains("Positions that moved since the start", screen);
            Assert.DoesNotContain("working out the summary", screen);
            Assert.DoesNotContain("bargains)", screen);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Ctrl_C_at_a_terminal_during_the_progress_line_says_so_on_a_clean_line()
    {
        var folder = Directory.CreateTempSubdirectory("summits-progress-").FullName;
        try
        {
            // A world of 200 actors and 50 topics, 20 rounds: half a minute or more of rounds, with the progress line
            // ("…: step …, round …, N events, T s") drawn on standard error. Ctrl-C is typed at the terminal as soon as
            // the line shows; the terminal echoes "^C" after it. Before, the message ran on from both:
            // "…, 10 s^Csu" and "mmits run: stopped before it finished" on the next row. Right: the progress line and
            // the echo erased, the message alone on its row from the left edge, exit 130.
            var generated = await SummitsProcess.RunInAsync(folder, ["generate", "--actors", "200", "--topics", "50", "--seed", "1", "-o", "big.yaml"]);
            Assert.True(generated.ExitCode == 0, generated.ToString());
            using var terminal = new TmuxTerminal();
            terminal.Start(folder, 80, 40, "run", "--world", "big.yaml", "--rounds", "20", "--engine", "local");
            var deadline = System.Diagnostics.Stopwatch.StartNew();
            while (!terminal.Visible().Contains(" events, ", StringComparison.Ordinal))
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(3), $"no progress line within 3 minutes:\n{terminal.Screen()}");
                await Task.Delay(100);
            }
            terminal.Send("C-c");

            Assert.Equal(130, await terminal.ExitCodeAsync());
            var screen = terminal.Screen();
            Assert.Contains(screen.Split('\n'), row => row.TrimEnd() == "summits run: stopped before it finished");
            Assert.DoesNotContain(" events, ", screen);
            Assert.DoesNotContain("^C", screen);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

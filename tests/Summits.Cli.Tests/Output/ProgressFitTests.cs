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
    public void Run_progress_says_what_it_works_out_first_and_cuts_the_name_to_77_columns_at_80_and_erases_all_of_it()
    {
        var output = new StringWriter();
        // At 80 columns the room is 80 - 1 (the last column) - 2 (the terminal's "^C" echo) = 77.
        var progress = new RunProgress(new StatusLine(output), "trade-for-defense-package", enabled: true, room: 77);

        progress.Say("working out the summary (16 topics' reference points and bargains)");
        progress.Finish();

        // "working out the summary (16 topics' reference points and bargains)" is 66 columns, then two spaces: 68,
        // leaving 9 of the 77 for the name "trade-for-defense-package" (25): its first 6 and "..." (9), 77 in all.
        // The erasure is 77 + 2 = 79 spaces between carriage returns.
        Assert.Equal(
            "\rworking out the summary (16 topics' reference points and bargains)  trade-..."
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

        // "writing 3 files  baseline" is 15 + 2 + 8 = 25 columns, within 77: drawn whole, erased with 25 + 2 = 27 spaces.
        Assert.Equal("\rwriting 3 files  baseline\r" + new string(' ', 27) + "\r", output.ToString());
    }

    [Fact]
    public void Run_progress_puts_the_figures_first_and_a_long_world_name_last_at_80_60_and_40_columns()
    {
        const string name = "a-world-of-200-actors-and-50-topics-seed-1";
        var elapsed = TimeSpan.FromSeconds(10);

        // Step "step-2", round 3, 1500 events in 10 s: 150 events a second. The full figures,
        // "step step-2, round 3, 1500 events, 10 s, 150 events/s", are 11 + 9 + 13 + 6 + 14 = 53 columns.
        // At 80 (room 77): 77 - 53 - 2 = 22 columns are left for the name (42): its first 19 and "...".
        Assert.Equal("step step-2, round 3, 1500 events, 10 s, 150 events/s  a-world-of-200-acto...",
            RunProgress.Line("step-2", 3, 1500, elapsed, name, 77));
        // At 60 (room 57): the full figures fit (53), and the 2 columns left after two spaces cannot hold 4 of the
        // name's characters and "...": the figures alone. Before, the name came first and cut every figure.
        Assert.Equal("step step-2, round 3, 1500 events, 10 s, 150 events/s",
            RunProgress.Line("step-2", 3, 1500, elapsed, name, 57));
        // At 40 (room 37): 53 is too wide; so is "..., 1500 events, 10 s, 150/s" (46) and "step step-2, round 3,
        // 10 s, 150 events/s" (40); "step step-2, round 3, 10 s, 150/s" is 20 + 6 + 7 = 33, and the 2 columns left
        // hold no name.
        Assert.Equal("step step-2, round 3, 10 s, 150/s",
            RunProgress.Line("step-2", 3, 1500, elapsed, name, 37));
        // A short name fits whole after the figures at 40: "step step-2, round 3, 10 s, 150/s" (33), two spaces and
        // "ab" (2) are 37.
        Assert.Equal("step step-2, round 3, 10 s, 150/s  ab", RunProgress.Line("step-2", 3, 1500, elapsed, "ab", 37));
    }

    [Fact]
    public void Study_progress_puts_the_figures_first_then_a_bar_in_the_room_left_at_80_60_and_40_columns()
    {
        // 20 of 20 runs in 4 s: 100%, 5.0 runs a second, 0:00 left. "20/20 runs  100%  5.0 runs/s  0:00 left" is
        // 10 + 6 + 12 + 11 = 39 columns.
        var elapsed = TimeSpan.FromSeconds(4);
        // At 80 (room 77): 77 - 39 - 3 ("  [" and "]") = 35 marks would fit; the bar has 30, all filled.
        Assert.Equal("20/20 runs  100%  5.0 runs/s  0:00 left  [" + new string('#', 30) + "]", StudyProgress.Line(20, 20, elapsed, 77));
        // At 60 (room 57): 10 of 20 runs in 4 s (2.5 runs/s, 10 / 2.5 = 4 s left): "10/20 runs  50%  2.5 runs/s  0:04 left"
        // is 10 + 5 + 12 + 11 = 38 columns, so 57 - 38 - 3 = 16 marks, of which 10 * 16 / 20 = 8 filled.
        Assert.Equal("10/20 runs  50%  2.5 runs/s  0:04 left  [" + new string('#', 8) + new string('.', 8) + "]", StudyProgress.Line(10, 20, elapsed, 57));
        // At 40 (room 37): the figures with two spaces (39) do not fit; with one, "20/20 runs 100% 5.0 runs/s 0:00 left"
        // is 10 + 5 + 11 + 10 = 36, and no room is left for a bar of 10 marks. Before, the bar came first and the
        // line ended "] 2...".
        Assert.Equal("20/20 runs 100% 5.0 runs/s 0:00 left", StudyProgress.Line(20, 20, elapsed, 37));
    }

    [Fact]
    public void A_study_s_progress_draws_nothing_once_finished()
    {
        var output = new StringWriter();
        var progress = new StudyProgress(new StatusLine(output), total: 20, room: 77);

        progress.Finish();
        progress.Report(20);

        // Nothing was drawn before the end, so the end erases nothing; a run in flight when the study stopped
        // (Ctrl-C) reports after it and must not draw the line again over the message that follows.
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void On_a_terminal_the_first_line_after_Ctrl_C_starts_by_clearing_the_line_with_no_progress_drawn()
    {
        var output = new StringWriter();
        var line = new StatusLine(output, terminal: true);

        line.Interrupted();
        line.WriteLine("summits run: stopped before it finished");
        line.WriteLine("a second line");

        // With -q no progress line is drawn, and the terminal's "^C" echo stands where the cursor was: a carriage
        // return and ESC [ K (erase to the end of the line) clear it before the message, once; the second line
        // has nothing to clear.
        Assert.Equal(
            "\r\x1b[K" + "summits run: stopped before it finished" + Environment.NewLine + "a second line" + Environment.NewLine,
            output.ToString());
    }

    [Fact]
    public void On_a_terminal_Ctrl_C_over_a_drawn_line_clears_it_and_the_echo_at_once()
    {
        var output = new StringWriter();
        var line = new StatusLine(output, terminal: true);

        line.Draw("step 2, 40 events");
        line.Interrupted();
        line.WriteLine("summits whatif: stopped before it finished");

        // The drawn line and the echo after it are on one line: one clearing takes both.
        Assert.Equal("\rstep 2, 40 events" + "\r\x1b[K" + "summits whatif: stopped before it finished" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void Off_a_terminal_Ctrl_C_writes_no_escape()
    {
        var output = new StringWriter();
        var line = new StatusLine(output);

        line.Interrupted();
        line.WriteLine("summits run: stopped before it finished");

        // Standard error to a file or a pipe: no echo to clear, and an escape would only litter the file.
        Assert.Equal("summits run: stopped before it finished" + Environment.NewLine, output.ToString());
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

        // "writing 3 files  big" is 15 + 2 + 3 = 20 columns; the message erases it (20 + 2 spaces for a "^C" echo,
        // between carriage returns) and then starts at the left edge; the second line has nothing left to erase.
        Assert.Equal(
            "\rwriting 3 files  big" + "\r" + new string(' ', 22) + "\r"
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

    [Fact]
    public async Task Ctrl_C_at_a_terminal_under_quiet_says_so_on_a_clean_line()
    {
        var folder = Directory.CreateTempSubdirectory("summits-progress-").FullName;
        try
        {
            // A world of 200 actors and 50 topics, 20 rounds: half a minute or more, and under -q no progress line is
            // drawn, so nothing was erased before the message: the terminal's echo stayed in front of it,
            // "^Csummits run: stopped before it finished". Right: the echo cleared, the message alone on its row, exit 130.
            var generated = await SummitsProcess.RunInAsync(folder, ["generate", "--actors", "200", "--topics", "50", "--seed", "1", "-o", "big.yaml"]);
            Assert.True(generated.ExitCode == 0, generated.ToString());
            using var terminal = new TmuxTerminal();
            terminal.Start(folder, 80, 40, "run", "--world", "big.yaml", "--rounds", "20", "--engine", "local", "-q");
            // Time to start and load the world, well short of the rounds' half minute.
            await Task.Delay(TimeSpan.FromSeconds(6));
            Assert.DoesNotContain("summits exited", terminal.Screen());
            terminal.Send("C-c");

            Assert.Equal(130, await terminal.ExitCodeAsync());
            var screen = terminal.Screen();
            Assert.Contains(screen.Split('\n'), row => row.TrimEnd() == "summits run: stopped before it finished");
            Assert.DoesNotContain("^C", screen);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Ctrl_C_at_a_terminal_during_a_study_s_progress_says_so_on_a_clean_line()
    {
        var folder = Directory.CreateTempSubdirectory("summits-progress-").FullName;
        try
        {
            // 5000 runs of the package scenario: the study's line ("N/5000 runs  …  runs/s  … left  [###…]") is drawn
            // while runs finish in parallel. Ctrl-C as soon as it shows; before, the message was left after "^C" in 2
            // of 3 tries. Right: the line and the echo cleared, the message alone on its row from the left edge, exit 130.
            using var terminal = new TmuxTerminal();
            terminal.Start(folder, 80, 40, "whatif", Path.Combine(SeedFiles.Root, "scenarios", "what-if", "trade-for-defense-package.yaml"), "--engine", "local", "--runs", "5000");
            var deadline = System.Diagnostics.Stopwatch.StartNew();
            while (!terminal.Visible().Contains(" runs/s", StringComparison.Ordinal))
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(3), $"no progress line within 3 minutes:\n{terminal.Screen()}");
                await Task.Delay(100);
            }
            terminal.Send("C-c");

            Assert.Equal(130, await terminal.ExitCodeAsync());
            var screen = terminal.Screen();
            Assert.Contains(screen.Split('\n'), row => row.TrimEnd() == "summits whatif: stopped before it finished");
            Assert.DoesNotContain(" runs/s", screen);
            Assert.DoesNotContain("^C", screen);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

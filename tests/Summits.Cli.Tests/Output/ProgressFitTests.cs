using Summits.Cli.Output;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// The progress lines drawn in place on standard error are cut to the room they are given (the terminal's
/// width less one), so none wraps, and the erasure clears exactly the columns drawn.
/// </summary>
public sealed class ProgressFitTests
{
    [Fact]
    public void Run_progress_cuts_the_summary_line_to_79_columns_at_80_and_erases_all_of_it()
    {
        var output = new StringWriter();
        var progress = new RunProgress(output, "trade-for-defense-package", enabled: true, room: 79);

        progress.Say("working out the summary (16 topics' reference points and bargains)");
        progress.Finish();

        // "trade-for-defense-package: " is 27 columns and "working out the summary (16 topics' reference points
        // and bargains)" 66: 93, more than 79. Cut to 79 - 3 = 76 columns (27 + 49: up to "reference " is 46,
        // then "poi") and "..." added: 79 columns. The erasure is 79 spaces between carriage returns.
        Assert.Equal(
            "\rtrade-for-defense-package: working out the summary (16 topics' reference poi..."
            + "\r" + new string(' ', 79) + "\r",
            output.ToString());
    }

    [Fact]
    public void Run_progress_leaves_a_line_that_fits_whole()
    {
        var output = new StringWriter();
        var progress = new RunProgress(output, "baseline", enabled: true, room: 79);

        progress.Say("writing 3 files");
        progress.Finish();

        // "baseline: writing 3 files" is 9 + 1 + 15 = 25 columns, within 79: drawn whole, erased with 25 spaces.
        Assert.Equal("\rbaseline: writing 3 files\r" + new string(' ', 25) + "\r", output.ToString());
    }

    [Fact]
    public void Study_progress_bar_is_cut_to_a_narrow_terminal_and_erased_whole()
    {
        var output = new StringWriter();
        var progress = new StudyProgress(output, total: 20, room: 39);

        progress.Report(20);
        progress.Finish();

        // At 40 columns the room is 39. The bar alone is 1 + 30 + 2 = 33 columns ("[", 30 marks, "] "), and
        // "20/20 runs  100%  " follows, so the line is longer than 39: cut to 36 columns and "..." (39). The bar
        // is full at 20/20: "[" + 30 '#' + "] " + "20/" = 36. The erasure is 39 spaces.
        Assert.Equal(
            "\r[" + new string('#', 30) + "] 20/..."
            + "\r" + new string(' ', 39) + "\r",
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
}

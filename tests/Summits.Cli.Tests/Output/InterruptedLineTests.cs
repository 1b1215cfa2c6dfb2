using System.CommandLine;
using System.CommandLine.Invocation;
using Summits.Cli.Output;

namespace Summits.Cli.Tests;

/// <summary>
/// After Ctrl-C, which a terminal echoes as <c>^C</c> where the cursor stands, the line saying the command stopped
/// starts on a clean line, whether or not a progress line was drawn: the status line hears of the signal as the command's
/// token is cancelled (<see cref="Interruption"/>), before the command can write a word, not from an event that may
/// come after it.
/// </summary>
public sealed class InterruptedLineTests
{
    /// <summary>
    /// Runs a command through <see cref="Interruption.Watch"/> whose action waits for its token and, once the token is
    /// cancelled (as System.CommandLine cancels it on SIGINT), writes its stopped line to a status line on a terminal
    /// over <paramref name="screen"/>, after drawing <paramref name="drawn"/> as a progress line when it is not null.
    /// </summary>
    private static async Task StopAsync(StringWriter screen, string? drawn)
    {
        var status = new StatusLine(screen, terminal: true);
        var command = new Command("probe");
        command.SetAction(async (_, token) =>
        {
            if (drawn is not null)
                status.Draw(drawn);
            await Task.Delay(Timeout.Infinite, token).ContinueWith(_ => { }, TaskScheduler.Default);
            status.WriteLine("summits probe: stopped before it finished");
            return 130;
        });
        var interruption = new Interruption(status.Interrupted);
        var root = interruption.Watch(new RootCommand { command });
        using var cancellation = new CancellationTokenSource();
        var action = ((AsynchronousCommandLineAction)command.Action!).InvokeAsync(root.Parse(["probe"]), cancellation.Token);
        await cancellation.CancelAsync();
        Assert.Equal(130, await action);
    }

    [Fact]
    public async Task Without_a_progress_line_the_stopped_line_first_clears_the_line_the_echo_is_on()
    {
        var screen = new StringWriter { NewLine = "\n" };
        await StopAsync(screen, drawn: null);
        // Nothing was drawn, so the only thing before the line is the clearing of the line the cursor is on, where the
        // terminal echoed ^C: carriage return, then ESC [ K (erase to the end of the line). Before, nothing came before
        // it, and the line read "^Csummits probe: stopped before it finished".
        Assert.Equal("\r\x1b[Ksummits probe: stopped before it finished\n", screen.ToString());
    }

    [Fact]
    public async Task With_a_progress_line_the_stopped_line_clears_it_and_the_echo_alike()
    {
        var screen = new StringWriter { NewLine = "\n" };
        await StopAsync(screen, drawn: "round 3 of 10");
        // The progress line is drawn after a carriage return, then the same clearing erases it and the echo after it.
        Assert.Equal("\rround 3 of 10\r\x1b[Ksummits probe: stopped before it finished\n", screen.ToString());
    }

    [Fact]
    public void A_signal_before_the_command_began_is_told_to_the_status_line_too()
    {
        var screen = new StringWriter { NewLine = "\n" };
        var status = new StatusLine(screen, terminal: true);
        var interruption = new Interruption(status.Interrupted);
        // The start-up window: no action has begun, so the signal is held, and the status line is told at once.
        Assert.True(interruption.Signalled());
        status.WriteLine("summits probe: stopped before it finished");
        Assert.Equal("\r\x1b[Ksummits probe: stopped before it finished\n", screen.ToString());
    }
}

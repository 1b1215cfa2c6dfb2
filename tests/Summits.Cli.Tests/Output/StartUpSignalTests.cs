using System.CommandLine;
using System.CommandLine.Invocation;

namespace Summits.Cli.Tests;

/// <summary>
/// A Ctrl-C or SIGTERM that comes while the command is still starting (its code loading, its command line being read),
/// before its action has begun, is the user's interruption all the same: the command ends with exit code 130 and the
/// line every interrupted command says, never silently.
/// </summary>
public sealed class StartUpSignalTests
{
    [Fact]
    public async Task A_signal_before_the_action_begins_is_held_and_ends_the_command_as_interrupted_with_its_line()
    {
        var began = false;
        var command = new Command("watch");
        command.SetAction((_, _) =>
        {
            began = true;
            return Task.FromResult(0);
        });
        var interruption = new Interruption();
        var root = interruption.Watch(new RootCommand { command });

        // The signal, as the handler Interruption registers takes it: held, so that the process does not end at once.
        Assert.True(interruption.Signalled());
        var error = new StringWriter { NewLine = "\n" };
        int exit;
        try
        {
            exit = await ((AsynchronousCommandLineAction)command.Action!).InvokeAsync(root.Parse(["watch"]), CancellationToken.None);
        }
        catch (Exception e)
        {
            exit = CommandFailure.Write(error, "summits worlds watch", e, diagnostic: false, interruption.Asked);
        }

        // The action never began; the line and the exit code are those of a Ctrl-C the action saw.
        Assert.False(began);
        Assert.Equal((130, "summits worlds watch: stopped before it finished\n"), (exit, error.ToString()));
        // Once an action has begun, a signal is System.CommandLine's, which cancels the action's token: not held here.
        Assert.False(interruption.Signalled());
        Assert.False(interruption.Abandoned);
    }

    [Fact]
    public async Task A_signal_while_the_action_runs_is_left_to_the_command_line()
    {
        var interruption = new Interruption();
        bool? held = null;
        var command = new Command("watch");
        command.SetAction((_, _) =>
        {
            held = interruption.Signalled();
            return Task.FromResult(0);
        });
        var root = interruption.Watch(new RootCommand { command });

        var exit = await ((AsynchronousCommandLineAction)command.Action!).InvokeAsync(root.Parse(["watch"]), CancellationToken.None);

        Assert.Equal((0, false, false), (exit, held, interruption.Asked));
    }
}

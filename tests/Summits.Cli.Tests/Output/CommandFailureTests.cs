using Summits.Hosting;
using Summits.Scenarios;

namespace Summits.Cli.Tests;

/// <summary>The one rule that turns what a command did not handle into a line and an exit code.</summary>
public sealed class CommandFailureTests
{
    private static (int Exit, string[] Lines) Write(Exception failure, bool diagnostic = false, bool interrupted = false)
    {
        var error = new StringWriter();
        var exit = CommandFailure.Write(error, "summits run", failure, diagnostic, interrupted);
        return (exit, error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_mistake_in_a_file_found_late_is_bad_input_said_at_its_place()
    {
        var (exit, lines) = Write(new InputException(new FilePosition("w.yaml", 3, 5), "unknown actor 'XX'"));

        Assert.Equal(2, exit);
        Assert.Equal(["w.yaml:3:5: unknown actor 'XX'"], lines);
    }

    [Fact]
    public void An_interruption_exits_130_on_one_line()
    {
        var (exit, lines) = Write(new OperationCanceledException(), interrupted: true);

        // 130 = 128 + 2, SIGINT's number, as a shell reports a process that Ctrl-C ended.
        Assert.Equal(130, exit);
        Assert.Equal(["summits run: stopped before it finished"], lines);
    }

    [Fact]
    public void A_task_cancelled_while_the_user_asked_to_stop_is_an_interruption_too()
    {
        // How the cancellation surfaces (a task's or the token's own exception) does not matter once the user asked.
        var (exit, lines) = Write(new TaskCanceledException(), interrupted: true);

        Assert.Equal(130, exit);
        Assert.Equal(["summits run: stopped before it finished"], lines);
    }

    [Fact]
    public void A_cancellation_nobody_asked_for_is_a_failure_at_run_time_not_an_interruption()
    {
        // An Orleans call or an HTTP request that timed out throws TaskCanceledException with .NET's own message
        // ("A task was canceled."); with no SIGINT or SIGTERM it is a failure while the command ran: 3, as the README's
        // table says, on one line naming its kind, and no "stopped" line a script would read as Ctrl-C.
        var (exit, lines) = Write(Thrown(new TaskCanceledException()));

        Assert.Equal(3, exit);
        Assert.Equal(["summits run: error: A task was canceled (System.Threading.Tasks.TaskCanceledException)"], lines);
    }

    [Fact]
    public void An_operation_cancelled_without_an_interruption_exits_3()
    {
        // The base kind, as a cancelled token's ThrowIfCancellationRequested throws it: "The operation was canceled."
        var (exit, lines) = Write(new OperationCanceledException(new CancellationToken(canceled: true)));

        Assert.Equal(3, exit);
        Assert.Equal(["summits run: error: The operation was canceled (System.OperationCanceledException)"], lines);
    }

    [Fact]
    public async Task A_cancellation_inside_an_action_whose_token_is_whole_is_not_the_users()
    {
        // An action that throws TaskCanceledException (as a timed-out call does) while System.CommandLine's token,
        // the one SIGINT and SIGTERM cancel, was never cancelled: nothing was asked.
        var (asked, exit) = await InvokeThrowing(new TaskCanceledException(), cancelToken: false);

        Assert.False(asked);
        Assert.Equal(3, exit);
    }

    [Fact]
    public async Task A_cancellation_of_the_actions_own_token_is_the_users()
    {
        // The token cancelled, as Ctrl-C cancels it, and the action stopping with its OperationCanceledException.
        var (asked, exit) = await InvokeThrowing(null, cancelToken: true);

        Assert.True(asked);
        Assert.Equal(130, exit);
    }

    /// <summary>
    /// Runs a command whose action throws <paramref name="failure"/> (or, with none, the exception of its cancelled
    /// token) through <see cref="Interruption.Watch"/>, then <see cref="CommandFailure"/> as the program does.
    /// </summary>
    private static async Task<(bool Asked, int Exit)> InvokeThrowing(Exception? failure, bool cancelToken)
    {
        var command = new System.CommandLine.Command("probe");
        command.SetAction((_, token) =>
        {
            token.ThrowIfCancellationRequested();
            return failure is null ? Task.FromResult(0) : Task.FromException<int>(failure);
        });
        var interruption = new Interruption();
        var root = interruption.Watch(new System.CommandLine.RootCommand { command });
        using var cancellation = new CancellationTokenSource();
        if (cancelToken)
            await cancellation.CancelAsync();
        try
        {
            await ((System.CommandLine.Invocation.AsynchronousCommandLineAction)command.Action!).InvokeAsync(root.Parse(["probe"]), cancellation.Token);
            return (interruption.Asked, 0);
        }
        catch (Exception e)
        {
            return (interruption.Asked, CommandFailure.Write(new StringWriter(), "summits probe", e, diagnostic: false, interruption.Asked));
        }
    }

    [Fact]
    public void A_failure_whose_message_has_several_lines_is_said_on_one()
    {
        var (exit, lines) = Write(new InvalidOperationException("the silo stopped:\n  membership lost\n\n  gateway closed."));

        Assert.Equal(3, exit);
        Assert.Equal(["summits run: error: the silo stopped: membership lost gateway closed (System.InvalidOperationException)"], lines);
    }

    [Fact]
    public void An_output_that_fails_says_the_systems_reason_without_the_path_dotnet_appends()
    {
        // .NET writes an IOException's message as "REASON : 'PATH'"; the sentence names the user's path already.
        var (exit, lines) = Write(new OutputException("out", new IOException("Read-only file system : '/tmp/x/.out.summits-new-12-ab'")));

        Assert.Equal(3, exit);
        Assert.Equal(["summits run: error: could not write 'out': Read-only file system; what was there before is unchanged"], lines);
    }

    [Fact]
    public void A_grain_call_that_never_answered_exits_3_on_one_line_without_the_orleans_message()
    {
        // Orleans' own timeout message runs to kilobytes (the message, its headers, the silo's queues); the line says
        // only which call of which world, how long it waited and how often it asked.
        var orleans = new TimeoutException("Response did not arrive on time in 00:00:30 for message: Request [S127.0.0.1:1:1 sys.client]->[S127.0.0.1:1:1 world/w] Summits.Grains.IWorldGrain.Advance(3) #17.\nQueuedWorkItems: 12 ...");
        var (exit, lines) = Write(new GrainTimeoutException("advance 3 of world w did not answer within 30 s, 3 tries", orleans));

        Assert.Equal(3, exit);
        Assert.Equal(["summits run: error: advance 3 of world w did not answer within 30 s, 3 tries"], lines);
    }

    [Fact]
    public void A_setting_with_a_bad_value_is_bad_input_on_one_line()
    {
        var (exit, lines) = Write(new SettingException("Summits:CallTimeout is 'soon' (from environment variable SUMMITS_CALL_TIMEOUT); expected how many seconds a grain call may take before it is asked again: a whole number from 1 to 86400"));

        Assert.Equal(2, exit);
        Assert.Equal(["summits run: error: Summits:CallTimeout is 'soon' (from environment variable SUMMITS_CALL_TIMEOUT); expected how many seconds a grain call may take before it is asked again: a whole number from 1 to 86400"], lines);
    }

    [Fact]
    public void An_output_that_fails_exits_3_with_its_own_sentence()
    {
        var (exit, lines) = Write(new OutputException("out", new IOException("No space left on device.")));

        Assert.Equal(3, exit);
        Assert.Equal(["summits run: error: could not write 'out': No space left on device; what was there before is unchanged"], lines);
    }

    [Fact]
    public void Any_other_failure_exits_3_on_one_line_naming_its_kind_and_no_stack_trace()
    {
        // A message of two lines, as Orleans writes them, folds into one.
        var (exit, lines) = Write(Thrown(new InvalidOperationException("Silo failed to start.\n  port in use")));

        Assert.Equal(3, exit);
        Assert.Equal(["summits run: error: Silo failed to start. port in use (System.InvalidOperationException)"], lines);
    }

    [Fact]
    public void Stack_frames_quoted_inside_a_message_are_left_out_of_the_line()
    {
        // A connection failure that quotes the remote exception carries its frames in the message itself (a watch's
        // "does not answer" line was 672 characters of them). Written out by hand: the two text lines join with a
        // space, the three frame lines and the "--- End of" line between them go, the final '.' is trimmed and the
        // kind is added; a line that merely starts with "at" but is no frame stays.
        var message = "Connection to 127.0.0.1:21411 failed.\n" +
            "   at Orleans.Runtime.Messaging.MessageCenter.<SendMessage>g__Fail|1(Message msg) in /_/src/Orleans.Core/Messaging/MessageCenter.cs:line 245\n" +
            "--- End of stack trace from previous location ---\n" +
            "   at Orleans.Runtime.OutsideRuntimeClient.SendRequest(GrainReference target)\n" +
            "at most 3 retries were made.\n" +
            "   at System.Threading.Tasks.Task.<>c.<.cctor>b__1(Object obj)";

        var (exit, lines) = Write(Thrown(new InvalidOperationException(message)));

        Assert.Equal(3, exit);
        Assert.Equal(["summits run: error: Connection to 127.0.0.1:21411 failed. at most 3 retries were made (System.InvalidOperationException)"], lines);
    }

    [Fact]
    public void Under_diagnostic_verbosity_the_stack_trace_follows_the_line()
    {
        var (exit, lines) = Write(Thrown(new InvalidOperationException("broken")), diagnostic: true);

        Assert.Equal(3, exit);
        Assert.Equal("summits run: error: broken (System.InvalidOperationException)", lines[0]);
        Assert.Equal("System.InvalidOperationException: broken", lines[1]);
        Assert.Contains(lines, line => line.TrimStart().StartsWith($"at {typeof(CommandFailureTests).FullName}.{nameof(Thrown)}", StringComparison.Ordinal));
    }

    private static Exception Thrown(Exception failure)
    {
        try
        {
            throw failure;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}

using Summits.Scenarios;

namespace Summits.Cli.Tests;

/// <summary>The one rule that turns what a command did not handle into a line and an exit code.</summary>
public sealed class CommandFailureTests
{
    private static (int Exit, string[] Lines) Write(Exception failure, bool diagnostic = false)
    {
        var error = new StringWriter();
        var exit = CommandFailure.Write(error, "summits run", failure, diagnostic);
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
        var (exit, lines) = Write(new OperationCanceledException());

        // 130 = 128 + 2, SIGINT's number, as a shell reports a process that Ctrl-C ended.
        Assert.Equal(130, exit);
        Assert.Equal(["summits run: stopped before it finished"], lines);
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
        var (exit, lines) = Write(new SettingException("SUMMITS_CALL_TIMEOUT is 'soon'; expected how many seconds a grain call may take before it is asked again: a whole number from 1 to 86400"));

        Assert.Equal(2, exit);
        Assert.Equal(["summits run: error: SUMMITS_CALL_TIMEOUT is 'soon'; expected how many seconds a grain call may take before it is asked again: a whole number from 1 to 86400"], lines);
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

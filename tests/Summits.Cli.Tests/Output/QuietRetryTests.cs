using Summits.Cli.Commands;
using Summits.Cli.Hosting;
using Summits.Cli.Output;
using Summits.Scenarios;

namespace Summits.Cli.Tests;

/// <summary>
/// What a command says, at each level, of a grain call that timed out and was asked again, and how its lines start.
/// The README promises that -q (minimal) and -v quiet keep errors and anything lost: a retry that then answered lost
/// nothing, so it is said at the normal level and above only, and a call that never answered stays an error.
/// </summary>
public sealed class QuietRetryTests
{
    [Theory]
    [InlineData(Verbosity.Quiet, false)]
    [InlineData(Verbosity.Minimal, false)]
    [InlineData(Verbosity.Normal, true)]
    [InlineData(Verbosity.Detailed, true)]
    [InlineData(Verbosity.Diagnostic, true)]
    public void A_retry_is_said_on_standard_error_at_the_normal_level_and_above_only(Verbosity level, bool said)
    {
        // Before, every command asked as its silo does (EmbeddedSilo.Asking, GrainAsking.For), which says every retry
        // on standard error at every level, -q included. The silo's timeout and tries stay.
        var silo = GrainAsking.For(TimeSpan.FromSeconds(7));
        var asking = CommonOptions.Asking(silo, "summits run", level);

        Assert.Equal(said ? Console.Error : null, asking.Say);
        Assert.Equal("summits run", asking.Command);
        Assert.Equal(TimeSpan.FromSeconds(7), asking.Timeout);
        Assert.Equal(GrainAsking.DefaultTries, asking.Tries);
    }

    /// <summary>A call that times out the first <paramref name="times"/> times it is made, then answers 42.</summary>
    private static Func<Task<int>> TimesOut(int times)
    {
        var calls = 0;
        return () => ++calls <= times ? Task.FromException<int>(new TimeoutException()) : Task.FromResult(42);
    }

    [Fact]
    public async Task A_retry_that_answers_is_one_warning_line_after_the_commands_name_where_it_is_said()
    {
        var said = new StringWriter();
        var asking = new GrainAsking(TimeSpan.FromSeconds(120), 3, said, "summits run");

        var answer = await asking.AskAsync("advance 3", "W", TimesOut(1));

        // The first call timed out: the second of three tries is asked, and answers.
        Assert.Equal(42, answer);
        Assert.Equal("summits run: warning: advance 3 of world W did not answer within 120 s; asking again (2 of 3)\n", said.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_retry_that_answers_under_quiet_says_nothing_and_answers_the_same()
    {
        var asking = new GrainAsking(TimeSpan.FromSeconds(120), 3, null, "summits run");

        Assert.Equal(42, await asking.AskAsync("advance 3", "W", TimesOut(2)));
    }

    [Fact]
    public async Task A_call_that_never_answers_is_an_error_whatever_the_level()
    {
        // Three tries, three timeouts: the failure is thrown, for the command to say on one line at every level
        // (CommandFailure), with or without the warnings.
        var asking = new GrainAsking(TimeSpan.FromSeconds(120), 3, null, "summits run");

        var failure = await Assert.ThrowsAsync<GrainTimeoutException>(() => asking.AskAsync("advance 3", "W", TimesOut(3)));
        Assert.Equal("advance 3 of world W did not answer within 120 s, 3 tries", failure.Message);
    }

    [Fact]
    public void Every_telemetry_notice_line_starts_with_the_commands_name()
    {
        // Before, the notices started "summits: " whatever the command; each line now starts as every line of the
        // command does, and a file that could not be written follows as the command's error.
        var end = new TelemetryEnd("telemetry not delivered to http://127.0.0.1:4318/v1/traces: 1 export failed (refused)\nthe command did not finish, so its telemetry (2 export requests) is in t.jsonl.partial; t.jsonl is as it was", "disk full");

        Assert.Equal(
            "summits seed: telemetry not delivered to http://127.0.0.1:4318/v1/traces: 1 export failed (refused)\n" +
            "summits seed: the command did not finish, so its telemetry (2 export requests) is in t.jsonl.partial; t.jsonl is as it was\n" +
            "summits seed: error: disk full",
            end.Lines("summits seed"));
        Assert.Null(TelemetryEnd.Clean.Lines("summits run"));
    }
}

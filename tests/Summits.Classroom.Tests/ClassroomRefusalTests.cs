using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using Summits.Cli.Bench;
using Summits.Hosting;

namespace Summits.Classroom.Tests;

/// <summary>
/// A pupil's refusal is an event of an ordinary lesson: the page gets its words, and the teacher's terminal gets no
/// line of it; a fault of the classroom's is still written there.
/// </summary>
[Collection(ClassroomCollection.Name)]
public sealed class ClassroomRefusalTests(ClassroomFixture classroom)
{
    [Fact]
    public async Task Refusals_reach_the_page_in_words_and_write_nothing_on_the_teachers_terminal()
    {
        // A classroom of its own, two tables, so that what it writes is this test's alone.
        var warnings = new StringWriter();
        await using var server = await classroom.StartAsync(2, warnings);
        var codes = server.Codes;
        var refusals = new List<string>();
        async Task Refused(Func<Task> call)
        {
            var refused = await Assert.ThrowsAsync<HubException>(call);
            refusals.Add(refused.Message[(refused.Message.IndexOf("HubException: ", StringComparison.Ordinal) + "HubException: ".Length)..]);
        }

        await using var japan = await ClassroomLoad.ConnectAsync(server);
        await using var america = await ClassroomLoad.ConnectAsync(server);
        await using var third = await ClassroomLoad.ConnectAsync(server);
        await using var facilitator = await ClassroomLoad.ConnectAsync(server);
        await Refused(() => third.InvokeAsync<JsonElement>("Join", "ZZZZZZ"));
        Assert.Equal("JP", (await japan.InvokeAsync<JsonElement>("Join", codes.Join[0])).GetProperty("actor").GetString());
        Assert.Equal("US", (await america.InvokeAsync<JsonElement>("Join", codes.Join[0])).GetProperty("actor").GetString());
        await Refused(() => third.InvokeAsync<JsonElement>("Join", codes.Join[0]));
        await Refused(() => japan.InvokeAsync("Propose", "JP", new Dictionary<string, string> { ["north-korea"] = "150" }));
        await Refused(() => japan.InvokeAsync("Predict", "JP", new Dictionary<string, string> { ["pressure-holds"] = "yes", ["us-lines"] = "50" }));
        await facilitator.InvokeAsync<JsonElement>("Facilitate", codes.Facilitator);
        await Refused(() => facilitator.InvokeAsync("Inject", 1, "abc"));
        await Refused(() => facilitator.InvokeAsync("Inject", "x", 1));
        await Refused(() => facilitator.InvokeAsync("Inject", 1, 2.5));
        await Refused(() => facilitator.InvokeAsync("Inject", 1, 2));

        // Each in the words a file's reader or the hub gives it, written out by hand:
        // - the codes: six characters of the code alphabet that are no table's, and a third team at table 1;
        // - 150 on north-korea, whose range is 0 to 100, as an answers file's proposal is told;
        // - 'us-lines' is no question: the questions in the order north-korea-line.yaml sets them out, pressure-holds
        //   (its line 38) then us-line (its line 42); closest first would have put us-line first, one edit away;
        // - the table and the shock as whole numbers, in the file's words: 2 tables here, and north-korea-line has
        //   one shock (its one item of 'injects'), so 'abc', 'x' and 2.5 are each refused with the range, and 2, a
        //   whole number outside it, with the exercise's shocks.
        Assert.Equal(
        [
            "that is not a join code of this classroom; check it on the facilitator's screen",
            "both countries at table 1 have their teams; a team coming back gives its team code, which its page showed, under 'Back at your table'",
            "'north-korea' must be a number from 0 to 100, not 150",
            "unknown prediction question 'us-lines'; the questions are pressure-holds and us-line",
            "'shock' must be a whole number from 1 to 1, not 'abc'",
            "'table' must be a whole number from 1 to 2, not 'x'",
            "'shock' must be a whole number from 1 to 1, not '2.5'",
            "shock 2 is not one of north-korea-line's; its shocks are 1 to 1",
        ], refusals);
        // Eight refusals, and not one line on the teacher's terminal.
        Assert.Equal("", warnings.ToString());
    }

    [Fact]
    public void A_failed_call_that_is_no_refusal_is_still_written_as_an_error()
    {
        var lines = new StringWriter();
        using var log = new ClassroomLog(new StandardErrorLoggerProvider(lines, "summits classroom"));
        var dispatcher = log.CreateLogger("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher");

        dispatcher.LogError(new HubException("that is not the facilitator's code"), "Failed to invoke hub method '{Method}'.", "Facilitate");
        dispatcher.LogError(new InvalidOperationException("the table's grain failed"), "Failed to invoke hub method '{Method}'.", "Propose");

        // The refusal is left out; the fault is the one line StandardErrorLoggerProvider makes of an error: the command,
        // "error", the category, the message, then the innermost cause's type (without its namespace) and message in parentheses.
        Assert.Equal(
            "summits classroom: error: Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher: Failed to invoke hub method 'Propose'. (InvalidOperationException: the table's grain failed)" + Environment.NewLine,
            lines.ToString());
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PuppeteerSharp;
using Summits.Reports.Tests;
using Summits.Scenarios;
using static Summits.Classroom.Tests.ClassroomPages;

namespace Summits.Classroom.Tests;

/// <summary>
/// The pages in Debian's headless chromium as the facilitator runs the play: rounds started and paused, a late
/// team's predictions, a shock the facilitator writes, a team that comes back with its team code, and a classroom
/// started again under open pages.
/// </summary>
[Collection(ClassroomCollection.Name)]
public sealed class ClassroomRoundsInBrowserTests(ClassroomFixture classroom, ReportBrowser browser)
{
    [Fact]
    public async Task A_team_page_shows_the_round_pushed_to_it_and_a_proposal_refused_while_waiting_or_paused_keeping_what_was_typed()
    {
        // Table 20: JP's page; the facilitator's page starts and pauses the round.
        await using var japan = await OpenAsync(classroom.Server.Address);
        await JoinAsync(japan, classroom.Server.Codes.Join[19], "your team plays Japan (JP)");
        Assert.Equal("Waiting for the facilitator to start the play.", await Text(japan, "#round"));
        await japan.TypeAsync("#term-north-korea", "80");
        await japan.ClickAsync("#propose button");
        await japan.WaitForFunctionAsync("() => document.querySelector('#error').textContent.startsWith('the play at table 20 has not started yet')", Shown);
        Assert.Equal("80", await japan.EvaluateExpressionAsync<string>("document.querySelector('#term-north-korea').value"));
        // The refusal is in the page's alert, which a screen reader reads out as it comes.
        Assert.Equal("alert", await japan.EvaluateExpressionAsync<string>("document.querySelector('#error').getAttribute('role')"));

        await using var facilitator = await OpenAsync(classroom.Server.Facilitator);
        await FacilitateAsync(facilitator, classroom.Server, 20);
        Assert.Equal("Start round 1 at table 20", await Text(facilitator, "#table-20 .start"));
        await facilitator.ClickAsync("#table-20 .start");
        await facilitator.WaitForFunctionAsync("() => document.querySelector('#table-20 .state').textContent === 'Round 1 is on.'", Shown);
        await facilitator.ClickAsync("#table-20 .pause");

        // Pushed to the team's page without a reload: the round, then its pause.
        await japan.BringToFrontAsync();
        const string paused = "Round 1 is paused by the facilitator: proposals and answers wait until the next round starts.";
        await japan.WaitForFunctionAsync($"() => document.querySelector('#round').textContent === '{paused}'", Shown);
        await japan.ClickAsync("#propose button");
        await japan.WaitForFunctionAsync("() => document.querySelector('#error').textContent === 'the facilitator has paused round 1 at table 20; proposals and answers wait until the next round starts'", Shown);
        Assert.Equal("80", await japan.EvaluateExpressionAsync<string>("document.querySelector('#term-north-korea').value"));
        Assert.True(await japan.EvaluateExpressionAsync<bool>("window.summitsLoaded === true"));
    }

    [Fact]
    public async Task The_facilitator_is_offered_only_the_round_button_that_can_act_now()
    {
        // Table 24, which no other test plays at. docs/classroom.md: "Only the button that can act is offered: Start while
        // a table waits or is paused, Pause while its round is on." Offered means on the page at all: the other button is
        // not drawn (hidden, so neither seen nor reached by Tab), not drawn greyed out.
        await using var facilitator = await OpenAsync(classroom.Server.Facilitator);
        await FacilitateAsync(facilitator, classroom.Server, 24);
        const string shown = "[...document.querySelectorAll('#table-24 .rounds button')].filter(b => !b.hidden && b.offsetParent !== null).map(b => b.textContent)";
        const string greyed = "[...document.querySelectorAll('#table-24 .rounds button')].filter(b => b.disabled).length";

        // Waiting: round 0, so Start offers round 0 + 1 = 1 and there is no round to pause.
        Assert.Equal(["Start round 1 at table 24"], await facilitator.EvaluateExpressionAsync<string[]>(shown));
        Assert.Equal(0, await facilitator.EvaluateExpressionAsync<int>(greyed));

        // Round 1 on: only its Pause.
        await facilitator.ClickAsync("#table-24 .start");
        await facilitator.WaitForFunctionAsync("() => document.querySelector('#table-24 .state').textContent === 'Round 1 is on.'", Shown);
        Assert.Equal(["Pause round 1 at table 24"], await facilitator.EvaluateExpressionAsync<string[]>(shown));

        // Round 1 paused: only the Start of round 1 + 1 = 2.
        await facilitator.ClickAsync("#table-24 .pause");
        await facilitator.WaitForFunctionAsync("() => document.querySelector('#table-24 .state').textContent.startsWith('Round 1 is paused')", Shown);
        Assert.Equal(["Start round 2 at table 24"], await facilitator.EvaluateExpressionAsync<string[]>(shown));
        Assert.Equal(0, await facilitator.EvaluateExpressionAsync<int>(greyed));

        // From the keyboard: Enter on the focused Start of round 2 starts it and hides that button, so the focus goes to
        // the one shown in its place, Pause round 2, not to the page's body; Enter there pauses round 2, and the focus
        // goes back to Start, now of round 2 + 1 = 3 (north-korea-line has 3 rounds).
        const string focused = "document.activeElement.textContent";
        await facilitator.FocusAsync("#table-24 .start");
        await facilitator.Keyboard.PressAsync("Enter");
        await facilitator.WaitForFunctionAsync("() => document.querySelector('#table-24 .state').textContent === 'Round 2 is on.'", Shown);
        Assert.Equal("Pause round 2 at table 24", await facilitator.EvaluateExpressionAsync<string>(focused));
        await facilitator.Keyboard.PressAsync("Enter");
        await facilitator.WaitForFunctionAsync("() => document.querySelector('#table-24 .state').textContent.startsWith('Round 2 is paused')", Shown);
        Assert.Equal("Start round 3 at table 24", await facilitator.EvaluateExpressionAsync<string>(focused));
    }

    [Fact]
    public async Task Predictions_being_typed_when_the_play_begins_stay_on_the_page_with_the_refusal_said_aloud()
    {
        // Table 21: JP's team has chosen yes and typed 85, and not sent them, when the facilitator starts the play.
        await using var japan = await OpenAsync(classroom.Server.Address);
        await JoinAsync(japan, classroom.Server.Codes.Join[20], "your team plays Japan (JP)");
        await japan.SelectAsync("#question-pressure-holds", "yes");
        await japan.TypeAsync("#question-us-line", "85");
        Assert.Equal("", await Text(japan, "#predict-closed"));
        await using var facilitator = await classroom.ConnectAsync();
        await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);
        await facilitator.InvokeAsync("Start", 21);

        await japan.WaitForFunctionAsync("() => document.querySelector('#predict-closed').textContent !== ''", Shown);
        Assert.Equal("The play at your table has begun, so the predictions are closed: the answers below were not sent, and can no longer be.",
            await Text(japan, "#predict-closed"));
        Assert.Equal("alert", await japan.EvaluateExpressionAsync<string>("document.querySelector('#predict-closed').getAttribute('role')"));
        // What was typed stays, in fields that take nothing more; the form is still on the page.
        Assert.Equal(["yes", "85"], await japan.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#questions select, #questions input')].map(f => f.value)"));
        Assert.True(await japan.EvaluateExpressionAsync<bool>("[...document.querySelectorAll('#predict select, #predict input, #predict button')].every(f => f.disabled)"));
        Assert.False(await japan.EvaluateExpressionAsync<bool>("document.querySelector('#predict').hidden"));
    }

    [Fact]
    public async Task A_shock_the_facilitator_writes_on_the_page_reaches_both_teams_pages_and_the_debrief()
    {
        // Table 22: both teams' pages; the facilitator writes that the US position on north-korea moves 10 toward 100.
        var code = classroom.Server.Codes.Join[21];
        await using var teams = await BothTeamsAsync(browser, classroom.Server, code);
        var (japan, usa) = (teams.Japan, teams.Usa);

        await using var facilitator = await OpenAsync(classroom.Server.Facilitator);
        await FacilitateAsync(facilitator, classroom.Server, 22);
        const string reason = "A missile test over Hokkaido hardens Washington.";
        await facilitator.TypeAsync("#new-reason-22", reason);
        await facilitator.SelectAsync("#new-country-22", "US");
        await facilitator.SelectAsync("#new-topic-22", "north-korea");
        // A value no exercise file takes first: refused in one line on the page, nothing played.
        await facilitator.TypeAsync("#new-by-22", "ten");
        await facilitator.ClickAsync("#table-22 form.new-shock button");
        await facilitator.WaitForFunctionAsync("() => document.querySelector('#error').textContent !== ''", Shown);
        Assert.DoesNotContain('\n', await Text(facilitator, "#error"));
        Assert.Equal("0", await facilitator.EvaluateExpressionAsync<string>("document.querySelector('#table-22').dataset.version"));
        await facilitator.EvaluateExpressionAsync("document.querySelector('#new-by-22').value = ''");
        await facilitator.TypeAsync("#new-by-22", "10");
        await facilitator.ClickAsync("#table-22 form.new-shock button");

        foreach (var page in new[] { japan, usa })
        {
            await page.BringToFrontAsync();
            await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('#play li')].some(li => li.textContent.includes('{reason}'))", Shown);
            // The chart has a point for the start and one after the table's first shock, inject-1.
            Assert.Equal(["start", "inject-1"], await page.EvaluateExpressionAsync<string[]>("echarts.getInstanceByDom(document.querySelector('#chart')).getOption().xAxis[0].data"));
        }
        await facilitator.BringToFrontAsync();
        await facilitator.ClickAsync("#open-debrief");
        await facilitator.WaitForFunctionAsync(
            $"() => [...document.querySelectorAll('#debrief-table tbody tr')].at(-1).querySelector('td[data-table=\"22\"]')?.textContent === 'inject-1 (written by the facilitator), before round 1: {reason}'", Shown);
        Assert.Equal("", await Text(facilitator, "#error"));
    }

    [Fact]
    public async Task When_both_teams_have_left_the_us_team_comes_back_first_with_its_team_code_and_reads_its_own_brief()
    {
        // Table 23: JP's team joins first, then US's; each page shows its team's code.
        var code = classroom.Server.Codes.Join[22];
        var japan = await OpenAsync(classroom.Server.Address);
        var usa = await OpenAsync(classroom.Server.Address);
        await JoinAsync(japan, code, "your team plays Japan (JP)");
        await JoinAsync(usa, code, "your team plays United States (US)");
        var usaCode = await usa.EvaluateExpressionAsync<string>("sessionStorage.getItem('summits-seat')");
        Assert.Contains($"Your team's code is {usaCode}.", await Text(usa, "#team-code-shown"));
        await japan.CloseAsync();
        await usa.CloseAsync();

        // The US team comes back first, in a new tab, and types its code under "Back at your table".
        await using var back = await OpenAsync(classroom.Server.Address);
        await back.TypeAsync("#team-code", usaCode);
        await back.ClickAsync("#back button");
        await back.WaitForFunctionAsync("() => document.querySelector('#who').textContent !== ''", Shown);
        Assert.Equal("Table 23: your team plays United States (US) against Japan (JP).", await Text(back, "#who"));
        Assert.Equal(string.Join("\n", RoleBrief.Confidential(classroom.Exercise, "US")), await Text(back, "#confidential"));
        Assert.Equal(usaCode, await back.EvaluateExpressionAsync<string>("sessionStorage.getItem('summits-seat')"));

        // A new team with the table's join code is refused: both countries have their teams.
        await using var stranger = await OpenAsync(classroom.Server.Address);
        await stranger.TypeAsync("#join-code", code);
        await stranger.ClickAsync("#join button");
        await stranger.WaitForFunctionAsync("() => document.querySelector('#error').textContent.startsWith('both countries at table 23 have their teams')", Shown);
        Assert.True(await stranger.EvaluateExpressionAsync<bool>("document.querySelector('#table-section').hidden"));
    }

    [Fact]
    public async Task After_a_classroom_in_memory_restarts_open_pages_say_the_connection_is_lost_and_reloaded_go_back_to_their_forms()
    {
        // A classroom of its own, started again on the same port, as a facilitator would after stopping it.
        var first = await classroom.StartAsync(1, TextWriter.Null);
        var port = first.Address.Port;
        var firstStopped = false;
        ClassroomServer? second = null;
        try
        {
            await using var team = await OpenAsync(first.Address);
            await JoinAsync(team, first.Codes.Join[0], "your team plays Japan (JP)");
            await using var facilitator = await OpenAsync(first.Facilitator);
            await FacilitateAsync(facilitator, first, 1);

            await first.DisposeAsync();
            firstStopped = true;
            second = await ClassroomServer.StartAsync(classroom.Exercise, port, 1, Summits.Hosting.SummitsSettings.Read(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()), TextWriter.Null);

            // The stop closed each page's connection on purpose: SignalR's close message tells the page's client not to
            // reconnect, and the stop waited for the WebSocket's close handshake before the host went, so the page says
            // at once that its connection is lost (a connection dropped instead would have reconnected by itself to the new
            // classroom on the same port). Reloaded, the team's page gives the team code it kept: this classroom, kept in
            // memory, knows no team code, so the page goes back to the join form, saying why, showing no table.
            const string lost = "The connection to the classroom is lost; reload this page once the classroom runs again.";
            const string unknownTeam = "that team code is not one of this classroom's; join with your table's join code, or check your team code";
            await team.BringToFrontAsync();
            await team.WaitForFunctionAsync("() => document.querySelector('#error').textContent !== ''", Shown);
            Assert.Equal(lost, await Text(team, "#error"));
            await team.ReloadAsync();
            await team.WaitForFunctionAsync("() => !document.querySelector('#join-section').hidden && document.querySelector('#error').textContent !== ''", Shown);
            Assert.Equal(unknownTeam, await Text(team, "#error"));
            Assert.True(await team.EvaluateExpressionAsync<bool>("document.querySelector('#table-section').hidden"));
            Assert.Equal("", await Text(team, "#confidential"));
            Assert.Null(await team.EvaluateExpressionAsync<string?>("sessionStorage.getItem('summits-seat')"));
            // The new classroom's join code takes a seat at once, from the same page.
            await JoinAsync(team, second.Codes.Join[0], "your team plays Japan (JP)");

            // The facilitator's page keeps no code across a reload: reloaded, it asks for the code again and shows no table,
            // and the old classroom's code is refused.
            await facilitator.BringToFrontAsync();
            await facilitator.WaitForFunctionAsync("() => document.querySelector('#error').textContent !== ''", Shown);
            Assert.Contains(await Text(facilitator, "#error"), new[] { lost, "that is not the facilitator's code" });
            await facilitator.ReloadAsync();
            await facilitator.WaitForFunctionAsync("() => !document.querySelector('#code-section').hidden", Shown);
            await facilitator.TypeAsync("#facilitator-code", first.Codes.Facilitator);
            await facilitator.Keyboard.PressAsync("Enter");
            await facilitator.WaitForFunctionAsync("() => document.querySelector('#error').textContent !== ''", Shown);
            Assert.Equal("that is not the facilitator's code", await Text(facilitator, "#error"));
            Assert.True(await facilitator.EvaluateExpressionAsync<bool>("document.querySelector('#tables').hidden && document.querySelector('#tables').children.length === 0"));
        }
        finally
        {
            if (!firstStopped)
                await first.DisposeAsync();
            if (second is not null)
                await second.DisposeAsync();
        }
    }

    private Task<IPage> OpenAsync(Uri address) => ClassroomPages.OpenAsync(browser, address);
}

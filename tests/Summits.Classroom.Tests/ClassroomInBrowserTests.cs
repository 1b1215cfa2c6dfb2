using Microsoft.AspNetCore.SignalR.Client;
using PuppeteerSharp;
using Summits.Reports.Tests;
using static Summits.Classroom.Tests.ClassroomPages;

namespace Summits.Classroom.Tests;

/// <summary>
/// The classroom's pages in Debian's headless chromium: two teams join a table and play, the facilitator injects a
/// shock, and every page follows without a reload, pushed to over its one WebSocket and never polling.
/// </summary>
[Collection(ClassroomCollection.Name)]
public sealed class ClassroomInBrowserTests(ClassroomFixture classroom, ReportBrowser browser)
{
    [Fact]
    public async Task Two_teams_propose_and_answer_and_a_shock_reaches_both_pages_and_the_facilitators_without_a_reload()
    {
        // Table 1 of the fixture's classroom: the first team to join plays JP, the second US.
        var code = classroom.Server.Codes.Join[0];
        await using var teams = await BothTeamsAsync(browser, classroom.Server, code);
        var (japan, usa) = (teams.Japan, teams.Usa);

        await using var facilitator = await OpenAsync(classroom.Server.Facilitator);
        await facilitator.BringToFrontAsync();
        await facilitator.TypeAsync("#facilitator-code", classroom.Server.Codes.Facilitator);
        await facilitator.ClickAsync("#facilitate button");
        await facilitator.WaitForFunctionAsync("() => document.querySelector('#table-1 .taken')?.textContent === 'Teams joined: JP and US. Connected now: JP and US.'", Shown);
        // The table waits until the facilitator starts its first round.
        await facilitator.ClickAsync("#table-1 .start");
        await japan.WaitForFunctionAsync("() => document.querySelector('#round').textContent === 'Round 1 is on.'", Shown);

        // JP proposes north-korea 80: the table's first proposal, p1-JP, waits for the US team's answer on every page.
        await japan.BringToFrontAsync();
        await japan.TypeAsync("#term-north-korea", "80");
        await japan.ClickAsync("#propose button");
        const string waiting = "p1-JP: JP proposes north-korea 80 to US";
        await japan.WaitForFunctionAsync($"() => document.querySelector('#pending li')?.textContent === '{waiting}'", Shown);
        await usa.WaitForFunctionAsync($"() => document.querySelector('#pending li')?.textContent.startsWith('{waiting}')", Shown);
        await facilitator.WaitForFunctionAsync($"() => document.querySelector('#table-1 .pending li')?.textContent === '{waiting}'", Shown);
        // Only the team it is made to may answer it.
        Assert.Equal(0, await japan.EvaluateExpressionAsync<int>("document.querySelectorAll('#pending button').length"));
        await usa.BringToFrontAsync();
        await usa.ClickAsync("#pending button[aria-label='Reject p1-JP']");
        await japan.WaitForFunctionAsync("() => document.querySelector('#pending li')?.textContent === 'Nothing is waiting.'", Shown);

        // The facilitator injects the exercise's one shock, whose reason the file gives, at table 1.
        await facilitator.BringToFrontAsync();
        await facilitator.SelectAsync("#shock-1", "1");
        await facilitator.ClickAsync("#table-1 form.inject button");
        const string shock = "North Korea offers talks and Washington signals it will meet.";
        foreach (var page in new[] { japan, usa, facilitator })
        {
            var list = page == facilitator ? "#table-1 .play" : "#play";
            await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('{list} li')].some(li => li.textContent.includes('{shock}'))", Shown);
            // The chart has a point for the start, one after the answered proposal p1-JP and one after the shock (the
            // start of round 1 moves no position, so it makes no point).
            var chart = page == facilitator ? "#table-1 .chart" : "#chart";
            Assert.Equal(["start", "p1-JP", "inject-1"],
                await page.EvaluateExpressionAsync<string[]>($"echarts.getInstanceByDom(document.querySelector('{chart}')).getOption().xAxis[0].data"));
        }
        // Each page is still the one first loaded: nothing reloaded it.
        foreach (var page in new[] { japan, usa, facilitator })
            Assert.True(await page.EvaluateExpressionAsync<bool>("window.summitsLoaded === true"));
    }

    [Fact]
    public async Task A_team_page_fetches_each_file_once_and_is_pushed_to_without_polling()
    {
        // Table 8 of the fixture's classroom; the facilitator injects there while the page only listens.
        var requests = new List<(string Url, ResourceType Type)>();
        await using var team = await browser.Browser.NewPageAsync();
        team.Request += (_, e) => { lock (requests) requests.Add((e.Request.Url, e.Request.ResourceType)); };
        await team.GoToAsync(classroom.Server.Address.ToString());
        await JoinAsync(team, classroom.Server.Codes.Join[7], "your team plays Japan (JP)");

        await using var facilitator = await classroom.ConnectAsync();
        await facilitator.InvokeAsync<System.Text.Json.JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);
        await facilitator.InvokeAsync("Inject", 8, 1);
        await team.WaitForFunctionAsync("() => document.querySelector('#table-section').dataset.version === '1'", Shown);

        List<(string Url, ResourceType Type)> seen;
        lock (requests)
            seen = [.. requests];
        // The page, its style sheet and its three scripts, each once; no XHR, fetch or event stream (the WebSocket is not a request).
        var root = classroom.Server.Address.ToString();
        string[] files = [root, root + "classroom.css", root + "classroom.js", root + "echarts.min.js", root + "signalr.min.js"];
        Assert.Equal(files.Order(StringComparer.Ordinal), seen.Select(r => r.Url).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(seen, r => r.Type is ResourceType.Xhr or ResourceType.Fetch or ResourceType.EventSource);
    }

    [Fact]
    public async Task Teams_answer_the_predictions_on_their_pages_and_the_facilitators_debrief_shows_both_tables()
    {
        // A classroom of two tables of its own, as the debrief shows every table: the worked case of
        // ClassroomDebriefTests.WorkedCase, played here through the pages. Table 2's US team does not join.
        await using var server = await classroom.StartAsync(2, TextWriter.Null);
        await using var japan1 = await OpenAsync(server.Address);
        await using var usa1 = await OpenAsync(server.Address);
        await using var japan2 = await OpenAsync(server.Address);
        await JoinAsync(japan1, server.Codes.Join[0], "your team plays Japan (JP)");
        await JoinAsync(usa1, server.Codes.Join[0], "your team plays United States (US)");
        await JoinAsync(japan2, server.Codes.Join[1], "your team plays Japan (JP)");
        foreach (var (page, holds, line) in new[] { (japan1, "yes", "95"), (usa1, "no", "80"), (japan2, "yes", "75") })
        {
            await page.BringToFrontAsync();
            await page.SelectAsync("#question-pressure-holds", holds);
            await page.TypeAsync("#question-us-line", line);
            await page.ClickAsync("#predict button");
        }
        // Each team sees its own score as the play stands, pushed once its answers are taken (the working is in
        // ClassroomDebriefTests.WorkedCase): JP at table 1 5 + 10 = 15, US at table 1 0 + (10 − 3) = 7; JP at table 2,
        // before the shock, with the US still at 95, is 20 off on us-line, four full steps: 5 + (10 − 4) = 11.
        foreach (var (page, total) in new[] { (japan1, "15  total"), (usa1, "7  total"), (japan2, "11  total") })
        {
            await page.BringToFrontAsync();
            await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('#score li')].at(-1)?.textContent === '{total}'", Shown);
        }
        Assert.Equal("us-line points: |80 − 95| = 15, 3 full step(s) of 5: 10 − 3 = 7",
            await usa1.EvaluateExpressionAsync<string>("document.querySelectorAll('#predictions li')[3].textContent"));

        await using var facilitator = await OpenAsync(server.Facilitator);
        await facilitator.BringToFrontAsync();
        await facilitator.TypeAsync("#facilitator-code", server.Codes.Facilitator);
        await facilitator.ClickAsync("#facilitate button");
        await facilitator.WaitForFunctionAsync("() => document.querySelector('#table-2 form.inject') !== null", Shown);
        await facilitator.SelectAsync("#shock-2", "1");
        await facilitator.ClickAsync("#table-2 form.inject button");
        // Table 2's predictions close with the shock: its JP page says so, its answers (sent) still in their fields, which
        // no longer take any; and its score follows the US to 75, where its us-line answer is right: 5 + 10 = 15.
        await japan2.BringToFrontAsync();
        await japan2.WaitForFunctionAsync("() => document.querySelector('#predict-closed').textContent === 'The play at your table has begun, so the predictions are closed.'", Shown);
        Assert.Equal(["yes", "75"], await japan2.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#questions select, #questions input')].map(f => f.value)"));
        Assert.True(await japan2.EvaluateExpressionAsync<bool>("[...document.querySelectorAll('#predict select, #predict input, #predict button')].every(f => f.disabled)"));
        await japan2.WaitForFunctionAsync("() => [...document.querySelectorAll('#score li')].at(-1)?.textContent === '15  total'", Shown);

        await facilitator.BringToFrontAsync();
        await facilitator.ClickAsync("#open-debrief");
        // The debrief follows the shock without a reload: table 2's agreement strained.
        await facilitator.WaitForFunctionAsync("() => document.querySelector('#debrief-table tbody tr td[data-table=\"2\"]')?.textContent === 'nk-maximum-pressure at 93, strained'", Shown);
        var shown = await facilitator.EvaluateExpressionAsync<string[][]>(
            "[...document.querySelectorAll('#debrief-table tbody tr')].map(tr => [...tr.children].map(cell => cell.textContent))");
        Assert.Equal(["Section", "Item", "Table 1", "Table 2"],
            await facilitator.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#debrief-table thead th')].map(th => th.textContent)"));
        Assert.Equal(ClassroomDebriefTests.WorkedCase(classroom.Exercise), shown);
        Assert.True(await facilitator.EvaluateExpressionAsync<bool>("window.summitsLoaded === true"));
    }

    private Task<IPage> OpenAsync(Uri address) => ClassroomPages.OpenAsync(browser, address);
}

using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PuppeteerSharp;
using Summits.Reports.Tests;
using static Summits.Classroom.Tests.ClassroomPages;

namespace Summits.Classroom.Tests;

/// <summary>
/// The classroom's pages for every pupil, in Debian's headless chromium: axe-core (from npm, copied beside the tests at
/// build time) finds no WCAG 2 A or AA violation, nor a breach of its best practices, on the team's page or the facilitator's, before and after the code is
/// given; and a team joins, proposes and answers with the keyboard alone.
/// </summary>
[Collection(ClassroomCollection.Name)]
public sealed class ClassroomAccessibilityTests(ClassroomFixture classroom, ReportBrowser browser)
{
    /// <summary>
    /// The rule sets run: WCAG 2.0, 2.1 and 2.2 at levels A and AA, which hold the label, contrast and keyboard rules, and
    /// axe's best practices (landmarks, headings, focus order by tabindex).
    /// </summary>
    private static readonly string[] Levels = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>axe-core's script, as npm installed it.</summary>
    private static readonly string Axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe.min.js"));

    [Fact]
    public async Task The_team_page_passes_axe_before_and_after_joining_with_a_proposal_waiting_for_its_answer()
    {
        await using var page = await OpenAsync(classroom.Server.Address);
        // Before: the join form, its field labelled, with the error line empty.
        await AssertAccessibleAsync(page, "label", "color-contrast");

        // After: table 12, JP's page, with the US team's proposal waiting for its answer (so Accept and Reject are shown),
        // the chart and the briefs.
        var code = classroom.Server.Codes.Join[11];
        await page.TypeAsync("#join-code", code);
        await page.ClickAsync("#join button");
        await page.WaitForFunctionAsync("() => document.querySelector('#who').textContent.includes('your team plays Japan (JP)')", Shown);
        await using var usa = await classroom.ConnectAsync();
        await usa.InvokeAsync<JsonElement>("Join", code);
        await using var facilitator = await classroom.ConnectAsync();
        await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);
        await facilitator.InvokeAsync("Start", 12);
        await usa.InvokeAsync("Propose", "US", new Dictionary<string, string> { ["north-korea"] = "60" });
        await page.WaitForFunctionAsync("() => document.querySelector(\"#pending button[aria-label='Accept p1-US']\") !== null", Shown);
        await AssertAccessibleAsync(page, "label", "color-contrast", "button-name");
    }

    [Fact]
    public async Task The_facilitator_page_passes_axe_before_and_after_the_code_is_given()
    {
        await using var page = await OpenAsync(classroom.Server.Facilitator);
        await AssertAccessibleAsync(page, "label", "color-contrast");

        await page.TypeAsync("#facilitator-code", classroom.Server.Codes.Facilitator);
        await page.ClickAsync("#facilitate button");
        // Every table of the fixture's classroom is shown, each with its choice of shock and its form for a new one.
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#tables form.inject select').length === {ClassroomFixture.Tables}", Shown);
        Assert.Equal(ClassroomFixture.Tables, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#tables form.new-shock').length"));
        await AssertAccessibleAsync(page, "color-contrast", "select-name");
    }

    [Fact]
    public async Task A_team_joins_answers_the_predictions_proposes_and_answers_with_the_keyboard_alone()
    {
        // Table 13: JP joins, answers the predictions and, once the facilitator starts the play, proposes; then US joins
        // and rejects; neither page touched but by keys.
        var code = classroom.Server.Codes.Join[12];
        await using var japan = await OpenAsync(classroom.Server.Address);
        await JoinByKeysAsync(japan, code, "your team plays Japan (JP)");

        // The table waits for the facilitator, so the predictions are the first form the team uses: the page puts the
        // cursor on the first question. The arrow down chooses its first answer, yes; Tab goes to the value question,
        // where 90 and Enter send the predictions.
        Assert.Equal("question-pressure-holds", await FocusedAsync(japan));
        await japan.Keyboard.PressAsync("ArrowDown");
        await japan.Keyboard.PressAsync("Tab");
        Assert.Equal("question-us-line", await FocusedAsync(japan));
        await japan.Keyboard.TypeAsync("90");
        await japan.Keyboard.PressAsync("Enter");
        // Answered: the page lists JP's answers against the simulation's (the first line begins with the question's id).
        await japan.WaitForFunctionAsync("() => document.querySelector('#predictions li')?.textContent.startsWith('pressure-holds: you yes')", Shown);

        // The facilitator starts the play: the predictions close, and the cursor, which was in their form, moves to the
        // first topic's field (north-korea, the exercise's first topic), where a value and Enter propose.
        await using var facilitator = await classroom.ConnectAsync();
        await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);
        await facilitator.InvokeAsync("Start", 13);
        await japan.WaitForFunctionAsync("() => document.activeElement?.id === 'term-north-korea'", Shown);
        await japan.Keyboard.TypeAsync("80");
        await japan.Keyboard.PressAsync("Enter");
        const string waiting = "p1-JP: JP proposes north-korea 80 to US";
        await japan.WaitForFunctionAsync($"() => document.querySelector('#pending li')?.textContent === '{waiting}'", Shown);

        await using var usa = await OpenAsync(classroom.Server.Address);
        await JoinByKeysAsync(usa, code, "your team plays United States (US)");
        await usa.WaitForFunctionAsync($"() => document.querySelector('#pending li')?.textContent.startsWith('{waiting}')", Shown);
        // The play has begun, so the predictions are closed: the cursor starts in the first topic's field.
        Assert.Equal("term-north-korea", await FocusedAsync(usa));
        // From the first field, Tab goes through the fields (north-korea, north-korea-sanctions), the Propose button,
        // then the proposal's Accept and Reject: four presses reach Reject.
        string[] order = ["term-north-korea-sanctions", "Propose", "Accept p1-JP", "Reject p1-JP"];
        foreach (var expected in order)
        {
            await usa.Keyboard.PressAsync("Tab");
            Assert.Equal(expected, await FocusedAsync(usa));
        }
        await usa.Keyboard.PressAsync("Enter");
        await japan.BringToFrontAsync();
        await japan.WaitForFunctionAsync("() => document.querySelector('#pending li')?.textContent === 'Nothing is waiting.'", Shown);
        await japan.WaitForFunctionAsync("() => [...document.querySelectorAll('#play li')].some(li => li.textContent.startsWith('p1-JP'))", Shown);
    }

    [Fact]
    public async Task The_facilitator_gives_the_code_and_reaches_a_tables_shocks_with_the_keyboard_alone()
    {
        await using var page = await OpenAsync(classroom.Server.Facilitator);
        await page.BringToFrontAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("facilitator-code", await FocusedAsync(page));
        await page.Keyboard.TypeAsync(classroom.Server.Codes.Facilitator);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#tables form.inject select').length === {ClassroomFixture.Tables}", Shown);
        // The buttons for every table's rounds and the debrief's three come first in the page (classroom.html puts
        // them before the tables).
        foreach (var expected in new[] { "start-every", "pause-every", "open-debrief", "export-csv", "export-html" })
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal(expected, await FocusedAsync(page));
        }
        // Then, for tables 1 and 2 in turn: the one button for its rounds that can be pressed (Start while it waits or
        // is paused, Pause while a round is on; another test may have started it), its choice of shock and its Inject
        // button, then the fields of a new shock and its button, then the choice of country for a new team code and its
        // button (none pressed: the tables are other tests').
        foreach (var table in new[] { 1, 2 })
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateExpressionAsync<bool>($"document.activeElement.closest('#table-{table} .rounds') !== null"));
            foreach (var expected in new[]
            {
                $"shock-{table}", "Inject", $"new-reason-{table}", $"new-country-{table}", $"new-topic-{table}", $"new-by-{table}", "Inject the new shock",
                $"new-code-country-{table}", "Give a new team code",
            })
            {
                await page.Keyboard.PressAsync("Tab");
                Assert.Equal(expected, await FocusedAsync(page));
            }
        }
    }

    /// <summary>Runs axe-core in <paramref name="page"/> as it stands, and asserts no violation and that <paramref name="rules"/> ran and passed.</summary>
    private static async Task AssertAccessibleAsync(IPage page, params string[] rules)
    {
        await page.BringToFrontAsync();
        // Evaluated through the DevTools protocol, which the page's content security policy does not govern; nothing is
        // added to the page's own scripts.
        if (!await page.EvaluateExpressionAsync<bool>("typeof axe === 'object'"))
            await page.EvaluateExpressionAsync(Axe);
        var result = await page.EvaluateFunctionAsync<JsonElement>(
            """
            async levels => {
              const r = await axe.run(document, { runOnly: { type: "tag", values: levels } });
              return {
                violations: r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(" ")).join(", ")}`),
                passes: r.passes.map(p => p.id),
              };
            }
            """, (object)Levels);
        Assert.Empty(result.GetProperty("violations").EnumerateArray().Select(v => v.GetString()));
        var passed = result.GetProperty("passes").EnumerateArray().Select(p => p.GetString()).ToHashSet();
        Assert.All(rules, rule => Assert.Contains(rule, passed));
    }

    /// <summary>What has the keyboard's focus: its id, else its accessible label, else its text.</summary>
    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateExpressionAsync<string>("(e => e.id || e.getAttribute('aria-label') || e.textContent)(document.activeElement)");

    /// <summary>Tab to the join code's field (the first on the page), type the code, Enter.</summary>
    private static async Task JoinByKeysAsync(IPage page, string code, string who)
    {
        await page.BringToFrontAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("join-code", await FocusedAsync(page));
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync($"() => document.querySelector('#who').textContent.includes('{who}')", Shown);
    }

    private Task<IPage> OpenAsync(Uri address) => ClassroomPages.OpenAsync(browser, address);
}

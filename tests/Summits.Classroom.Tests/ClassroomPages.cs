using PuppeteerSharp;
using Summits.Reports.Tests;

namespace Summits.Classroom.Tests;

/// <summary>
/// The steps every browser test of the classroom takes: open a page once its hub connection is up, join a table as a
/// team, give the facilitator's code, and both teams of a table at once.
/// </summary>
internal static class ClassroomPages
{
    /// <summary>How long a page may take to show what the server pushed.</summary>
    public static readonly WaitForFunctionOptions Shown = new() { Timeout = 30_000, PollingInterval = 50 };

    /// <summary>A new page at <paramref name="address"/>, once its hub connection is up, marked so that a reload would show.</summary>
    public static async Task<IPage> OpenAsync(ReportBrowser browser, Uri address)
    {
        var page = await browser.Browser.NewPageAsync();
        await page.GoToAsync(address.ToString());
        await page.WaitForFunctionAsync("() => document.body.dataset.connected === 'true'", Shown);
        await page.EvaluateExpressionAsync("window.summitsLoaded = true");
        return page;
    }

    /// <summary>Gives <paramref name="server"/>'s facilitator's code on <paramref name="page"/>, waiting until it shows <paramref name="table"/> with its forms.</summary>
    public static async Task FacilitateAsync(IPage page, ClassroomServer server, int table)
    {
        await page.BringToFrontAsync();
        await page.TypeAsync("#facilitator-code", server.Codes.Facilitator);
        await page.ClickAsync("#facilitate button");
        await page.WaitForFunctionAsync($"() => document.querySelector('#table-{table} form.new-shock') !== null", Shown);
    }

    /// <summary>Joins <paramref name="page"/> to the table of join code <paramref name="code"/>, waiting until it says <paramref name="who"/> it plays.</summary>
    public static async Task JoinAsync(IPage page, string code, string who)
    {
        await page.WaitForFunctionAsync("() => document.body.dataset.connected === 'true'", Shown);
        // Only the page in front renders, and a click waits for its element to be drawn.
        await page.BringToFrontAsync();
        await page.TypeAsync("#join-code", code);
        await page.ClickAsync("#join button");
        await page.WaitForFunctionAsync($"() => document.querySelector('#who').textContent.includes('{who}')", Shown);
    }

    /// <summary>
    /// Two teams' pages at <paramref name="server"/>'s table of join code <paramref name="code"/>, joined in turn: the
    /// first plays the exercise's first role, Japan (JP) in north-korea-line, the second the United States (US).
    /// </summary>
    public static async Task<BothTeams> BothTeamsAsync(ReportBrowser browser, ClassroomServer server, string code)
    {
        var teams = new BothTeams(await OpenAsync(browser, server.Address), await OpenAsync(browser, server.Address));
        await JoinAsync(teams.Japan, code, "your team plays Japan (JP)");
        await JoinAsync(teams.Usa, code, "your team plays United States (US)");
        return teams;
    }

    /// <summary>The text of the first element <paramref name="selector"/> finds on <paramref name="page"/>.</summary>
    public static Task<string> Text(IPage page, string selector) =>
        page.EvaluateExpressionAsync<string>($"document.querySelector('{selector}').textContent");
}

/// <summary>Japan's and the United States' pages at one table, closed together.</summary>
internal sealed record BothTeams(IPage Japan, IPage Usa) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Japan.DisposeAsync();
        await Usa.DisposeAsync();
    }
}

using System.Buffers.Binary;
using PuppeteerSharp;
using Summits.Reports.Tests;
using static Summits.Classroom.Tests.ClassroomPages;
using Summits.Tests;

namespace Summits.Classroom.Tests;

/// <summary>
/// The screenshots of docs/classroom.md: one table of north-korea-line played in Debian's headless chromium (both
/// teams answer the predictions, the facilitator starts round 1, Japan proposes, the United States accepts, the facilitator injects the shock and
/// opens the debrief), its team page and facilitator page taken whole. Each run writes them under the test output's
/// <c>TestResults/classroom</c>; with <c>SUMMITS_UPDATE_SCREENSHOTS=1</c> it writes them into <c>docs/screenshots</c>
/// instead. The checked-in ones must be pictures of the pages as they are laid out today.
/// </summary>
[Collection(ClassroomCollection.Name)]
public sealed class ClassroomScreenshotTests(ClassroomFixture classroom, ReportBrowser browser)
{
    private const int Width = 1280;


    private static string Docs => SeedFiles.File("docs", "screenshots");

    [Fact]
    public async Task The_docs_screenshots_show_the_team_and_facilitator_pages_as_they_are_laid_out_today()
    {
        var update = Environment.GetEnvironmentVariable("SUMMITS_UPDATE_SCREENSHOTS") == "1";
        var folder = update ? Docs : Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "classroom")).FullName;
        await using var server = await classroom.StartAsync(1, TextWriter.Null);
        var code = server.Codes.Join[0];
        await using var teams = await BothTeamsAsync(browser, server, code);
        var (japan, usa) = (teams.Japan, teams.Usa);
        foreach (var (page, holds, line) in new[] { (japan, "yes", "90"), (usa, "no", "80") })
        {
            await page.BringToFrontAsync();
            await page.SelectAsync("#question-pressure-holds", holds);
            await page.TypeAsync("#question-us-line", line);
            await page.ClickAsync("#predict button");
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#score li')].at(-1)?.textContent.endsWith('total')", Shown);
        }

        await using var facilitator = await OpenAsync(server.Facilitator);
        await facilitator.BringToFrontAsync();
        await facilitator.TypeAsync("#facilitator-code", server.Codes.Facilitator);
        await facilitator.ClickAsync("#facilitate button");
        await facilitator.WaitForFunctionAsync("() => document.querySelector('#table-1 form.inject') !== null", Shown);
        Assert.Equal($"Table 1, join code {code}", await facilitator.EvaluateExpressionAsync<string>("document.querySelector('#table-1-heading').textContent"));
        await facilitator.ClickAsync("#table-1 .start");

        await japan.BringToFrontAsync();
        await japan.WaitForFunctionAsync("() => document.querySelector('#round').textContent === 'Round 1 is on.'", Shown);
        await japan.TypeAsync("#term-north-korea", "85");
        await japan.ClickAsync("#propose button");
        await usa.BringToFrontAsync();
        await usa.WaitForFunctionAsync("() => document.querySelector(\"#pending button[aria-label='Accept p1-JP']\") !== null", Shown);
        await usa.ClickAsync("#pending button[aria-label='Accept p1-JP']");
        // The answer is the table's second change (the start, p1-JP answered): waited for, so that the shock below comes
        // after it, as the three changes counted below are ordered, rather than racing it from the facilitator's page.
        await usa.WaitForFunctionAsync("() => echarts.getInstanceByDom(document.querySelector('#chart'))?.getOption().xAxis[0].data.length === 2", Shown);

        await facilitator.BringToFrontAsync();
        await facilitator.SelectAsync("#shock-1", "1");
        await facilitator.ClickAsync("#table-1 form.inject button");
        await facilitator.ClickAsync("#open-debrief");
        // The shock is the table's third change: the start, p1-JP answered, inject-1.
        await facilitator.WaitForFunctionAsync("() => echarts.getInstanceByDom(document.querySelector('#table-1 .chart')).getOption().xAxis[0].data.length === 3", Shown);
        await japan.BringToFrontAsync();
        await japan.WaitForFunctionAsync("() => echarts.getInstanceByDom(document.querySelector('#chart')).getOption().xAxis[0].data.length === 3", Shown);

        var taken = new List<string>();
        foreach (var (page, name) in new[] { (japan, "classroom-team.png"), (facilitator, "classroom-facilitator.png") })
        {
            var path = Path.Combine(folder, name);
            await page.BringToFrontAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = Width, Height = 900 });
            // The charts drawn at once rather than mid-animation, so the picture shows where the lines end.
            await page.EvaluateExpressionAsync("document.querySelectorAll('.chart').forEach(c => echarts.getInstanceByDom(c)?.setOption({ animation: false }))");
            await page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = true });
            taken.Add(path);
        }

        foreach (var path in taken)
        {
            var (width, height) = PngSize(path);
            // A full-page picture is as wide as the viewport, and each page, with a chart, the play and its forms,
            // runs longer than one 900-pixel screen.
            Assert.Equal(Width, width);
            Assert.True(height > 900, $"{path} is {height} pixels high");
            if (update)
                continue;
            // The picture in docs/ has the same width and, within 5 % (a line of text more or less), the same height
            // as the page drawn now: a page laid out anew (a section added, moved or dropped) changes its height by
            // more, and then the docs' picture must be taken again.
            var (docsWidth, docsHeight) = PngSize(Path.Combine(Docs, Path.GetFileName(path)));
            Assert.Equal(width, docsWidth);
            Assert.InRange(docsHeight, height * 0.95, height * 1.05);
        }
    }

    // A PNG's width and height: the IHDR chunk's first two big-endian 32-bit words, after the 8-byte signature and
    // the chunk's 4-byte length and 4-byte type (PNG specification, W3C 2003, sections 5.2 and 11.2.2).
    private static (int Width, int Height) PngSize(string path)
    {
        var head = new byte[24];
        using (var file = File.OpenRead(path))
            file.ReadExactly(head);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], head[..8]);
        Assert.Equal("IHDR"u8.ToArray(), head[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(20, 4)));
    }

    private Task<IPage> OpenAsync(Uri address) => ClassroomPages.OpenAsync(browser, address);

}

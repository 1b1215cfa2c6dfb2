using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Summits.Cli.Bench;
using PuppeteerSharp;
using Summits.Reports.Tests;
using Summits.Scenarios;

namespace Summits.Classroom.Tests;

/// <summary>
/// The classroom's debrief, exported by the facilitator, for a small case worked out by hand: a classroom of its own
/// with two tables of north-korea-line, whose teams answer the predictions and one of which meets the shock.
/// </summary>
[Collection(ClassroomCollection.Name)]
public sealed class ClassroomDebriefTests(ClassroomFixture classroom, ReportBrowser browser)
{
    /// <summary>The debrief's CSV for the worked case (<see cref="WorkedCase"/>), cell by cell.</summary>
    [Fact]
    public async Task The_csv_export_sets_the_two_tables_side_by_side_cell_by_cell()
    {
        await using var server = await classroom.StartAsync(2, TextWriter.Null);
        await using var japan1 = await TeamAsync(server, 0, "JP");
        await using var usa1 = await TeamAsync(server, 0, "US");
        await using var japan2 = await TeamAsync(server, 1, "JP");
        await using var usa2 = await TeamAsync(server, 1, "US");
        await japan1.InvokeAsync("Predict", "JP", Answers("yes", "95"));
        await usa1.InvokeAsync("Predict", "US", Answers("no", "80"));
        await japan2.InvokeAsync("Predict", "JP", Answers("yes", "75"));
        await using var facilitator = await ClassroomLoad.ConnectAsync(server);
        await facilitator.InvokeAsync<JsonElement>("Facilitate", server.Codes.Facilitator);
        await facilitator.InvokeAsync("Inject", 2, 1);

        // Once the shock is played, table 2's predictions are closed: US's team is refused and stays unanswered.
        var late = await Assert.ThrowsAsync<HubException>(() => usa2.InvokeAsync("Predict", "US", Answers("yes", "75")));
        Assert.EndsWith("HubException: the predictions are answered before play, and the play at table 2 has begun (the facilitator started it, or a shock was played)", late.Message);

        var file = await facilitator.InvokeAsync<DebriefFile>("Export", "csv");
        Assert.Equal(("north-korea-line-debrief.csv", "text/csv; charset=utf-8"), (file.Name, file.Type));
        var lines = file.Content.Split('\n');
        // A line feed ends every line: the last split is empty.
        Assert.Equal("", lines[^1]);
        string[][] expected = [["section", "item", "table 1", "table 2"], .. WorkedCase(classroom.Exercise)];
        Assert.Equal(expected.Length, lines.Length - 1);
        for (var row = 0; row < expected.Length; row++)
        {
            var cells = CsvField.Split(lines[row]).Select(f => f.Text).ToArray();
            Assert.Equal(expected[row].Length, cells.Length);
            for (var column = 0; column < cells.Length; column++)
                Assert.True(expected[row][column] == cells[column], $"line {row + 1}, cell {column + 1}: expected '{expected[row][column]}', got '{cells[column]}'");
        }

        // docs/classroom.md quotes this export whole, in the fenced block that begins with its header.
        var guide = File.ReadAllLines(Summits.Tests.SeedFiles.File("docs", "classroom.md"));
        var quoted = guide.SkipWhile(l => l != "section,item,table 1,table 2").TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal));
        Assert.Equal(file.Content, string.Concat(quoted.Select(l => l + "\n")));
    }

    [Fact]
    public async Task The_html_export_opens_from_its_file_alone_and_draws_both_tables_charts()
    {
        await using var server = await classroom.StartAsync(2, TextWriter.Null);
        await using var facilitator = await ClassroomLoad.ConnectAsync(server);
        await facilitator.InvokeAsync<JsonElement>("Facilitate", server.Codes.Facilitator);
        await facilitator.InvokeAsync("Inject", 2, 1);
        var file = await facilitator.InvokeAsync<DebriefFile>("Export", "html");
        Assert.Equal(("north-korea-line-debrief.html", "text/html; charset=utf-8"), (file.Name, file.Type));

        var folder = Directory.CreateTempSubdirectory("summits-debrief-");
        try
        {
            var path = Path.Combine(folder.FullName, file.Name);
            await File.WriteAllTextAsync(path, file.Content);
            await using var page = await browser.Browser.NewPageAsync();
            var requests = new List<string>();
            var errors = new List<string>();
            page.Request += (_, e) => { lock (requests) requests.Add(e.Request.Url); };
            page.PageError += (_, e) => { lock (errors) errors.Add(e.Message); };
            await page.GoToAsync(new Uri(path).AbsoluteUri, WaitUntilNavigation.Load);
            // The page is its one request: the charting library is inlined, as a report's is.
            lock (requests)
                Assert.Equal([new Uri(path).AbsoluteUri], requests);
            lock (errors)
                Assert.Empty(errors);
            // A chart for each table, drawn: table 1 has a point for the start, table 2 one more, after the shock.
            Assert.Equal(["start"], await page.EvaluateExpressionAsync<string[]>("echarts.getInstanceByDom(document.querySelector('[data-chart=\"table-1\"] .chart')).getOption().xAxis[0].data"));
            Assert.Equal(["start", "inject-1"], await page.EvaluateExpressionAsync<string[]>("echarts.getInstanceByDom(document.querySelector('[data-chart=\"table-2\"] .chart')).getOption().xAxis[0].data"));
            Assert.Equal(["section", "item", "table 1", "table 2"], await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('table')[0].querySelectorAll('th')].map(th => th.textContent)"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_table_scores_an_agreement_broken_as_summits_exercise_does_its_penalties_kept_and_the_breach_on_top()
    {
        // trade-for-defence at a classroom of one table, played as the exercise's trial at the keyboard was: the
        // facilitator starts round 1 and plays the exercise's shock (Japan's salience on trade to 0.8, as in round 2 of
        // the exercise); Japan proposes trade-imbalance 72 and the US's team accepts; Japan proposes 30 and the US's team
        // rejects it. Neither team answers the predictions, so each country is scored on its agreements alone.
        var exercise = ExerciseFile.Load(Summits.Tests.SeedFiles.File("scenarios", "exercises", "trade-for-defence.yaml"));
        await using var server = await ClassroomServer.StartAsync(exercise, port: 0, 1,
            Summits.Hosting.SummitsSettings.Read(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()), TextWriter.Null);
        await using var japan = await TeamAsync(server, 0, "JP");
        await using var usa = await TeamAsync(server, 0, "US");
        await using var facilitator = await ClassroomLoad.ConnectAsync(server);
        await facilitator.InvokeAsync<JsonElement>("Facilitate", server.Codes.Facilitator);
        await facilitator.InvokeAsync("Start", 1);
        await facilitator.InvokeAsync("Inject", 1, 1);
        await japan.InvokeAsync("Propose", "JP", new Dictionary<string, string> { ["trade-imbalance"] = "72" });
        await usa.InvokeAsync("Answer", "US", "p1-JP", true);
        await japan.InvokeAsync("Propose", "JP", new Dictionary<string, string> { ["trade-imbalance"] = "30" });
        await usa.InvokeAsync("Answer", "US", "p2-JP", false);

        // By hand, from the exercise file, as for the play at the keyboard (ExerciseCommandTests): Japan starts at 25 on
        // trade, reservation 55, priority 2, must not give up past 70. p1-JP at 72: (72 − 55) / (25 − 55) < 0, −5 × 2 =
        // −10; past 70: −20. After the shock Japan's window on trade is 5 + 45 × (1 − 0.8) = 14, a breach beyond 28, and
        // its 30 is 42 from the agreed 72: Japan breaches p1-JP, −10. Total −40. The US (start 75, reservation 65,
        // priority 2) keeps what the agreement earned it, (72 − 65) / (75 − 65) = 0.7 × 10 × 2 = 14, and held to the
        // terms: its breach line is 0. Total 14. A table's play has no rounds of its own, so the breach line says
        // "in the play" where summits exercise names the exercise's round.
        var scores = (await facilitator.InvokeAsync<JsonElement>("Facilitate", server.Codes.Facilitator))
            .GetProperty("tables")[0].GetProperty("sight").GetProperty("scores");
        // Each country's score as its lines, then its total, one string each.
        string[] Score(int k, string actor)
        {
            Assert.Equal(actor, scores[k].GetProperty("actor").GetString());
            return [.. scores[k].GetProperty("lines").EnumerateArray().Select(l => l.GetString()!), scores[k].GetProperty("total").GetString()!];
        }
        Assert.Equal([
            "-10  beyond-reservation p1-JP/trade-imbalance: trade-imbalance agreed at 72, past your reservation value 55 (you started at 25): -5 × priority 2 = -10",
            "-20  must-not-give-up p1-JP/trade-imbalance: trade-imbalance agreed at 72, past the limit 70 you must not give up (managed trade would breach Japan's commitments in the WTO): -20",
            "-10  breach p1-JP: p1-JP binds JP and was breached in the play by JP, who strayed from its terms (JP proposed 30, 42 from the agreed 72 (window 14)): -10",
            "-40"], Score(0, "JP"));
        Assert.Equal([
            "14  agreement p1-JP/trade-imbalance: trade-imbalance agreed at 72: (72 − 65) / (75 − 65) = 0.7 of the way from your reservation value to your start; 0.7 × 10 × priority 2 = 14",
            "0  breach p1-JP: p1-JP was breached in the play by JP, who strayed from its terms (JP proposed 30, 42 from the agreed 72 (window 14)); US held to them: 0",
            "14"], Score(1, "US"));
    }

    /// <summary>
    /// The worked case. north-korea-line starts (its world, the 2017 summit, and its facilitator's note) with the US at 95
    /// and Japan at 92 on north-korea, the summit's agreement nk-maximum-pressure binding both at 93, and nothing agreed on
    /// north-korea-sanctions. Its questions: pressure-holds (5 points; an agreement of JP and US in force on north-korea at
    /// the end, yes or no) and us-line (10 points; the US position on north-korea, less a point for each full 5 points
    /// off). Its record's one fact on the topics: singapore-summit, 2018-06-12, the US moves toward the low end.
    /// Table 1: JP answers yes and 95, US no and 80; nothing is played. Table 2: JP answers yes and 75, US does not
    /// answer; the facilitator injects the shock (the US moves 20 toward dialogue, 95 to 75).
    /// The debrief's rows for it, each row's section, item, and cells at table 1 and table 2, worked out here.
    /// </summary>
    public static string[][] WorkedCase(Exercise exercise) =>
    [
        // Table 1 played nothing: the summit's agreement holds. Table 2: the US at 75 is 18 from the agreed 93, past
        // its window (9.5, as the exercise's docs quote its breach) but within twice it (19), so it strains the
        // agreement, which stays in force. Nothing is agreed on sanctions at either.
        ["agreement in force", "north-korea", "nk-maximum-pressure at 93, holding", "nk-maximum-pressure at 93, strained"],
        ["agreement in force", "north-korea-sanctions", "none", "none"],
        // The record's move toward the low end (the scale's low end is "Dialogue first, ..."): at table 1 the US is
        // still at 95, under 1 point from its start; at table 2 it moved 20 toward it.
        ["what happened next", "2018-06-12 singapore-summit on north-korea: US moves toward the low end (Dialogue first, with pressure eased to open talks)",
            "The play left US at 95 on north-korea, less than 1 point from where it started; the record has it move toward the low end (Dialogue first, with pressure eased to open talks).",
            "agrees (US at 75 (from 95))"],
        ["the simulation", $"pressure-holds: {exercise.Predictions[0].Ask}", "yes (nk-maximum-pressure at 93, holding)", "yes (nk-maximum-pressure at 93, strained)"],
        ["the simulation", $"us-line: {exercise.Predictions[1].Ask}", "95", "75"],
        // JP: yes is right at both tables (5 of 5); 95 and 75 are where the US stands (0 off, 10 of 10).
        ["prediction", "JP pressure-holds", "yes: 5 of 5", "yes: 5 of 5"],
        ["prediction", "JP us-line", "95: 10 of 10", "75: 10 of 10"],
        // US at table 1: no is wrong (0); 80 is 15 off 95, three full steps of 5, so 10 − 3 = 7.
        ["prediction", "US pressure-holds", "no: 0 of 5", "not answered"],
        ["prediction", "US us-line", "80: 7 of 10", "not answered"],
        // No agreement was made in play, so the totals are the predictions' points: JP 5 + 10 = 15 at both tables,
        // US 0 + 7 = 7 at table 1, and nothing at table 2, where it did not answer.
        ["score", "JP", "15", "15"],
        ["score", "US", "7", "0"],
        // The one shock, played at table 2 alone, before its first round was started: the exercise's first inject, the
        // table's first shock, with the reason north-korea-line gives it, which ends with its own full stop.
        ["shocks", "played, in order", "none", "inject-1, before round 1: North Korea offers talks and Washington signals it will meet."],
    ];

    /// <summary>Each question of north-korea-line with its answer, as the page's fields send them.</summary>
    public static Dictionary<string, string> Answers(string pressureHolds, string usLine) => new() { ["pressure-holds"] = pressureHolds, ["us-line"] = usLine };

    /// <summary>A team at the table whose join code is the <paramref name="code"/>-th, the country it is given checked.</summary>
    private static async Task<HubConnection> TeamAsync(ClassroomServer server, int code, string country)
    {
        var team = await ClassroomLoad.ConnectAsync(server);
        Assert.Equal(country, (await team.InvokeAsync<JsonElement>("Join", server.Codes.Join[code])).GetProperty("actor").GetString());
        return team;
    }
}

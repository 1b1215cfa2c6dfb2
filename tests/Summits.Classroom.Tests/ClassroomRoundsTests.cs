using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Summits.Cli.Bench;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Classroom.Tests;

/// <summary>
/// The facilitator's control of the play, driven with the .NET SignalR client: rounds started and paused at a table,
/// each change pushed to both teams, the teams' proposals and answers refused while the table waits or is paused; and
/// a shock the facilitator writes, played and pushed like the exercise's own, or refused in an exercise file's words.
/// </summary>
[Collection(ClassroomCollection.Name)]
public sealed class ClassroomRoundsTests(ClassroomFixture classroom)
{
    [Fact]
    public async Task The_facilitator_starts_and_pauses_rounds_and_teams_are_refused_while_the_table_waits_or_is_paused()
    {
        // Table 17: JP joins first, US second.
        var code = classroom.Server.Codes.Join[16];
        await using var japan = await classroom.ConnectAsync();
        await using var usa = await classroom.ConnectAsync();
        var joined = await japan.InvokeAsync<JsonElement>("Join", code);
        var usaCode = (await usa.InvokeAsync<JsonElement>("Join", code)).GetProperty("seat").GetString()!;
        // Before the facilitator starts, the table waits: no round, nothing paused.
        Assert.Equal((0, false, "Waiting for the facilitator to start the play."), Round(joined.GetProperty("sight")));
        var waiting = await Assert.ThrowsAsync<HubException>(() => japan.InvokeAsync("Propose", "JP", Terms("80")));
        Assert.EndsWith("HubException: the play at table 17 has not started yet; the facilitator starts it (meanwhile, read your brief and answer the predictions)", waiting.Message);
        // The predictions are open while it waits.
        await japan.InvokeAsync("Predict", "JP", ClassroomDebriefTests.Answers("yes", "90"));

        // A team cannot start a round.
        var team = await Assert.ThrowsAsync<HubException>(() => japan.InvokeAsync("Start", 17));
        Assert.EndsWith("HubException: only the facilitator starts a round; give the facilitator's code first", team.Message);

        await using var facilitator = await classroom.ConnectAsync();
        await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);
        var nothing = await Assert.ThrowsAsync<HubException>(() => facilitator.InvokeAsync("Pause", 17));
        Assert.EndsWith("HubException: the play at table 17 has not started, so there is no round to pause", nothing.Message);

        // Round 1 starts: pushed to both teams' connections, not asked for.
        var started = new[] { japan, usa }.Select(c => PushedAsync(c, s => s.GetProperty("round").GetInt32() == 1)).ToArray();
        await facilitator.InvokeAsync("Start", 17);
        foreach (var push in started)
            Assert.Equal((1, false, "Round 1 is on."), Round(await push.WaitAsync(TimeSpan.FromMinutes(1))));
        var again = await Assert.ThrowsAsync<HubException>(() => facilitator.InvokeAsync("Start", 17));
        Assert.EndsWith("HubException: round 1 at table 17 is on already; pause it before starting round 2", again.Message);
        // The play has begun: the predictions are closed.
        var late = await Assert.ThrowsAsync<HubException>(() => usa.InvokeAsync("Predict", "US", ClassroomDebriefTests.Answers("no", "80")));
        Assert.EndsWith("HubException: the predictions are answered before play, and the play at table 17 has begun (the facilitator started it, or a shock was played)", late.Message);

        await japan.InvokeAsync("Propose", "JP", Terms("80"));
        var paused = new[] { japan, usa }.Select(c => PushedAsync(c, s => s.GetProperty("paused").GetBoolean())).ToArray();
        await facilitator.InvokeAsync("Pause", 17);
        foreach (var push in paused)
            Assert.Equal((1, true, "Round 1 is paused by the facilitator: proposals and answers wait until the next round starts."), Round(await push.WaitAsync(TimeSpan.FromMinutes(1))));
        const string refused = "HubException: the facilitator has paused round 1 at table 17; proposals and answers wait until the next round starts";
        Assert.EndsWith(refused, (await Assert.ThrowsAsync<HubException>(() => usa.InvokeAsync("Answer", "US", "p1-JP", true))).Message);
        Assert.EndsWith(refused, (await Assert.ThrowsAsync<HubException>(() => japan.InvokeAsync("Propose", "JP", Terms("70")))).Message);

        // The pause is the table's: a page that takes the US seat again finds it paused, p1-JP still waiting.
        await using var reloaded = await classroom.ConnectAsync();
        var retaken = (await reloaded.InvokeAsync<JsonElement>("Rejoin", usaCode)).GetProperty("sight");
        Assert.Equal((1, true), (retaken.GetProperty("round").GetInt32(), retaken.GetProperty("paused").GetBoolean()));
        Assert.Equal("p1-JP", retaken.GetProperty("pending")[0].GetProperty("id").GetString());

        // Round 2 ends the pause: the answer is taken.
        await facilitator.InvokeAsync("Start", 17);
        await usa.InvokeAsync("Answer", "US", "p1-JP", true);
        var view = await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);
        var table = view.GetProperty("tables")[16].GetProperty("sight");
        // Changes at table 17: JP's predictions (1), round 1 (2), p1-JP (3), the pause (4), round 2 (5), the answer (6).
        Assert.Equal((2, false, 6), (table.GetProperty("round").GetInt32(), table.GetProperty("paused").GetBoolean(), table.GetProperty("version").GetInt32()));
        Assert.Equal(["start", "p1-JP"], table.GetProperty("chart").GetProperty("after").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Start_and_pause_every_table_leave_the_tables_that_need_nothing_as_they_are()
    {
        // A classroom of three tables of its own, as this changes every table. Table 2 is started first, alone.
        await using var server = await classroom.StartAsync(3, TextWriter.Null);
        await using var facilitator = await ClassroomLoad.ConnectAsync(server);
        await facilitator.InvokeAsync<JsonElement>("Facilitate", server.Codes.Facilitator);
        await facilitator.InvokeAsync("Start", 2);
        // Tables 1 and 3 wait, table 2's round is on: two tables start (their round 1), table 2 is left at round 1.
        Assert.Equal(2, await facilitator.InvokeAsync<int>("StartEvery"));
        // Every round is on: all three pause.
        Assert.Equal(3, await facilitator.InvokeAsync<int>("PauseEvery"));
        Assert.Equal(0, await facilitator.InvokeAsync<int>("PauseEvery"));
        // All three paused: each starts its next round, round 2.
        Assert.Equal(3, await facilitator.InvokeAsync<int>("StartEvery"));
        var tables = (await facilitator.InvokeAsync<JsonElement>("Facilitate", server.Codes.Facilitator)).GetProperty("tables");
        Assert.Equal([(2, false), (2, false), (2, false)], tables.EnumerateArray().Select(t => (t.GetProperty("sight").GetProperty("round").GetInt32(), t.GetProperty("sight").GetProperty("paused").GetBoolean())));

        await using var team = await ClassroomLoad.ConnectAsync(server);
        await team.InvokeAsync<JsonElement>("Join", server.Codes.Join[0]);
        var refused = await Assert.ThrowsAsync<HubException>(() => team.InvokeAsync<int>("StartEvery"));
        Assert.EndsWith("HubException: only the facilitator starts a round; give the facilitator's code first", refused.Message);
    }

    [Fact]
    public async Task A_shock_the_facilitator_writes_is_played_pushed_to_both_teams_and_shown_in_the_debrief()
    {
        // Table 18: both teams joined; the facilitator writes that JP's position on north-korea moves 30 toward 0.
        var code = classroom.Server.Codes.Join[17];
        await using var japan = await classroom.ConnectAsync();
        await using var usa = await classroom.ConnectAsync();
        await japan.InvokeAsync<JsonElement>("Join", code);
        await usa.InvokeAsync<JsonElement>("Join", code);
        await using var facilitator = await classroom.ConnectAsync();
        await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);

        const string reason = "Seoul and Tokyo announce a joint peace initiative.";
        var pushed = new[] { japan, usa }.Select(c => PushedAsync(c, s => s.GetProperty("version").GetInt32() == 1)).ToArray();
        await facilitator.InvokeAsync("InjectNew", 18, new NewShock(reason, "JP", "north-korea", "-30"));
        foreach (var push in pushed)
        {
            var sight = await push.WaitAsync(TimeSpan.FromMinutes(1));
            // The table's first shock is inject-1: the chart has a point for the start and one after it.
            Assert.Equal(["start", "inject-1"], sight.GetProperty("chart").GetProperty("after").EnumerateArray().Select(a => a.GetString()));
            Assert.Contains(sight.GetProperty("play").EnumerateArray(), line => line.GetString()!.Contains(reason, StringComparison.Ordinal));
            // JP starts at 92 on north-korea (the exercise's world); the shock moves it by −30: 92 − 30 = 62.
            var series = sight.GetProperty("chart").GetProperty("series").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "JP north-korea");
            Assert.Equal([92.0, 62.0], series.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        }
        // The debrief's shocks row at table 18: the shock's id, marked as the facilitator's own, played before round 1
        // (no round was started), and its reason, which ends with its own full stop.
        var tables = (await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator)).GetProperty("tables");
        var cells = tables[17].GetProperty("sight").GetProperty("debrief");
        Assert.Equal($"inject-1 (written by the facilitator), before round 1: {reason}", cells[cells.GetArrayLength() - 1].GetString());

        // Round 1 started, a second shock whose reason has no full stop: the cell reads each shock as a sentence, the
        // first's own full stop kept and none added to it (no ".;"), the second ended with one, with its round.
        await facilitator.InvokeAsync("Start", 18);
        await facilitator.InvokeAsync("InjectNew", 18, new NewShock("Typhoon hits", "US", "north-korea", "-5"));
        tables = (await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator)).GetProperty("tables");
        cells = tables[17].GetProperty("sight").GetProperty("debrief");
        Assert.Equal($"inject-1 (written by the facilitator), before round 1: {reason} inject-2 (written by the facilitator), round 1: Typhoon hits.",
            cells[cells.GetArrayLength() - 1].GetString());
        // The play gives the second shock the same sentence the debrief ends with: "Typhoon hits" with its full stop.
        var play = tables[17].GetProperty("sight").GetProperty("play").EnumerateArray().Select(l => l.GetString()!);
        Assert.Contains(play, line => line.EndsWith("The facilitator: Typhoon hits.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Talks open.", "US", "north-korea", "")]
    [InlineData("Talks open.", "US", "north-korea", "-150")]
    [InlineData("Talks open.", "US", "north-korea", "a lot")]
    public async Task A_new_shock_an_exercise_file_could_not_hold_is_refused_in_the_files_words_and_changes_nothing(string reason, string country, string topic, string by)
    {
        // The words north-korea-line gets with the same shock as its one inject, written into the file here by hand.
        var path = SeedFiles.File("scenarios", "exercises", "north-korea-line.yaml");
        var inject = $"injects:\n  - round: 1\n    shock:\n      reason: \"{reason}\"\n      changes:\n        - {{ position: {country}, topic: {topic}, by: {by} }}\n";
        var text = Regex.Replace(File.ReadAllText(path), @"(?ms)^injects:.*\z", inject);
        var expected = Assert.Throws<InputException>(() => ExerciseFile.Parse(path, text)).Problem;

        // Table 19, where nothing is played.
        await using var facilitator = await classroom.ConnectAsync();
        await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);
        var refused = await Assert.ThrowsAsync<HubException>(() => facilitator.InvokeAsync("InjectNew", 19, new NewShock(reason, country, topic, by)));
        Assert.EndsWith($"HubException: {expected}", refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
        var table = (await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator)).GetProperty("tables")[18].GetProperty("sight");
        Assert.Equal(0, table.GetProperty("version").GetInt32());
    }

    [Theory]
    // north-korea-line's roles are JP and US (its file's roles), the countries the page offers: CN is in its world but
    // plays no role, so it is refused in those words, not advised to be given a salience the page has no field for.
    [InlineData("CN", "north-korea", "whose position moves must be one of the exercise's countries, JP or US, not 'CN'")]
    [InlineData("", "north-korea", "whose position moves must be one of the exercise's countries, JP or US, and none was chosen")]
    [InlineData(null, "north-korea", "whose position moves must be one of the exercise's countries, JP or US, and none was chosen")]
    // Its topics on the table are north-korea and north-korea-sanctions (its file's topics), those the page offers.
    [InlineData("US", "trade-war", "the topic must be one on the table, north-korea or north-korea-sanctions, not 'trade-war'")]
    [InlineData("US", "", "the topic must be one on the table, north-korea or north-korea-sanctions, and none was chosen")]
    public async Task A_new_shock_on_a_country_or_topic_the_page_does_not_offer_is_refused_listing_the_pages_choices_and_changes_nothing(string? country, string topic, string expected)
    {
        // Table 19, where nothing is played.
        await using var facilitator = await classroom.ConnectAsync();
        await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);
        var refused = await Assert.ThrowsAsync<HubException>(() => facilitator.InvokeAsync("InjectNew", 19, new NewShock("Talks open.", country!, topic, "-20")));
        Assert.EndsWith($"HubException: {expected}", refused.Message);
        var table = (await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator)).GetProperty("tables")[18].GetProperty("sight");
        Assert.Equal(0, table.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_new_shock_with_nothing_under_what_happens_is_refused_naming_the_field_and_changes_nothing(string? reason)
    {
        // Country and topic are among the page's choices, so the empty reason is what is refused, in the page's word
        // for the field; table 19, where nothing is played, stays at version 0.
        await using var facilitator = await classroom.ConnectAsync();
        await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);
        var refused = await Assert.ThrowsAsync<HubException>(() => facilitator.InvokeAsync("InjectNew", 19, new NewShock(reason!, "US", "north-korea", "-20")));
        Assert.EndsWith("HubException: What happens must say, in a sentence, what the shock is, and it is empty; write it there, such as 'Typhoon hits.'", refused.Message);
        var table = (await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator)).GetProperty("tables")[18].GetProperty("sight");
        Assert.Equal(0, table.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_new_shock_sent_as_nothing_is_refused_for_its_country_first()
    {
        // A shock sent as null reads as one with every field empty; its country comes first: JP or US, none chosen.
        await using var facilitator = await classroom.ConnectAsync();
        await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);
        var refused = await Assert.ThrowsAsync<HubException>(() => facilitator.InvokeAsync("InjectNew", 19, (NewShock?)null));
        Assert.EndsWith("HubException: whose position moves must be one of the exercise's countries, JP or US, and none was chosen", refused.Message);
    }

    private static Dictionary<string, string> Terms(string northKorea) => new() { ["north-korea"] = northKorea };

    private static (int, bool, string) Round(JsonElement sight) =>
        (sight.GetProperty("round").GetInt32(), sight.GetProperty("paused").GetBoolean(), sight.GetProperty("state").GetString()!);

    /// <summary>The first table pushed to <paramref name="connection"/> from now on that <paramref name="matches"/>.</summary>
    internal static Task<JsonElement> PushedAsync(HubConnection connection, Func<JsonElement, bool> matches)
    {
        var pushed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable? subscription = null;
        subscription = connection.On<JsonElement>(ClassroomHub.TableMessage, sight =>
        {
            if (matches(sight) && pushed.TrySetResult(sight))
                subscription?.Dispose();
        });
        return pushed.Task;
    }
}

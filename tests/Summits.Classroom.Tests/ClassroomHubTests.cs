using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Summits.Scenarios;

namespace Summits.Classroom.Tests;

/// <summary>
/// The hub's checks, driven with the .NET SignalR client straight at the server, as a page that was tampered with would
/// be: each refusal is one line of words, and it changes nothing at the table.
/// </summary>
[Collection(ClassroomCollection.Name)]
public sealed class ClassroomHubTests(ClassroomFixture classroom)
{
    [Fact]
    public async Task A_team_that_acts_for_the_other_country_is_refused_and_the_table_is_unchanged()
    {
        // Table 2: the first team to join takes the exercise's first role, JP (north-korea-line lists JP, then US).
        await using var japan = await classroom.ConnectAsync();
        var joined = await japan.InvokeAsync<JsonElement>("Join", classroom.Server.Codes.Join[1]);
        Assert.Equal("JP", joined.GetProperty("actor").GetString());

        var propose = await Assert.ThrowsAsync<HubException>(() => japan.InvokeAsync("Propose", "US", new Dictionary<string, string> { ["north-korea"] = "50" }));
        Assert.EndsWith("HubException: your team plays JP at table 2; it cannot act for US", propose.Message);
        var answer = await Assert.ThrowsAsync<HubException>(() => japan.InvokeAsync("Answer", "US", "p1-JP", true));
        Assert.EndsWith("HubException: your team plays JP at table 2; it cannot act for US", answer.Message);

        // Nothing reached the table: no proposal waits, and nothing was played.
        await using var facilitator = await classroom.ConnectAsync();
        var page = await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);
        var table = page.GetProperty("tables")[1].GetProperty("sight");
        Assert.Equal(0, table.GetProperty("pending").GetArrayLength());
        Assert.Equal(0, table.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_call_whose_argument_is_of_the_wrong_type_is_refused_naming_the_argument_and_the_type_expected()
    {
        await using var page = await classroom.ConnectAsync();
        async Task<string> Refused(string method, params object?[] arguments)
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => page.InvokeCoreAsync(method, arguments));
            Assert.Contains("HubException: ", refused.Message, StringComparison.Ordinal);
            return refused.Message[(refused.Message.IndexOf("HubException: ", StringComparison.Ordinal) + "HubException: ".Length)..];
        }

        // Written out by hand from the hub's methods: Start(int table), Answer(string country, string proposal,
        // bool accept), InjectNew(int table, NewShock shock), the shock a record of Reason, Country, Topic and By
        // (sent in camel case), and Propose(string country, Dictionary<string, string> terms). The call is refused
        // as it is read, before the hub checks who the connection is, so a page that has joined nothing is told too.
        Assert.Equal("Start's argument 'table' must be a whole number, not the text 'two'", await Refused("Start", "two"));
        Assert.Equal("Start's argument 'table' must be a whole number, not '2.5'", await Refused("Start", 2.5));
        Assert.Equal("Answer's argument 'accept' must be true or false, not the text 'yes'", await Refused("Answer", "JP", "p1-US", "yes"));
        Assert.Equal("InjectNew's argument 'shock' must be an object with 'reason', 'country', 'topic' and 'by', each text, not the text 'typhoon'",
            await Refused("InjectNew", 1, "typhoon"));
        Assert.Equal("Propose's argument 'terms' must be an object whose every value is text, not an object",
            await Refused("Propose", "JP", new Dictionary<string, int> { ["north-korea"] = 50 }));
        Assert.Equal("Start takes 1 argument, 'table' (a whole number), and 2 were given", await Refused("Start", 1, 2));
        // Refusals, as the hub's own are: the pupil's to read, not a line on the teacher's terminal.
        Assert.DoesNotContain("'Start'", classroom.Warnings, StringComparison.Ordinal);
        Assert.DoesNotContain("'InjectNew'", classroom.Warnings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_that_has_not_joined_acts_for_no_country()
    {
        await using var stranger = await classroom.ConnectAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync("Propose", "JP", new Dictionary<string, string> { ["north-korea"] = "50" }));
        Assert.EndsWith("HubException: join a table with its join code first", refused.Message);
    }

    [Fact]
    public async Task A_wrong_facilitator_code_is_refused_and_its_connection_cannot_inject()
    {
        await using var guesser = await classroom.ConnectAsync();
        // A code of the right length and letters, one character off the real one.
        var real = classroom.Server.Codes.Facilitator;
        var wrong = (real[0] == '2' ? "3" : "2") + real[1..];
        var refused = await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<JsonElement>("Facilitate", wrong));
        Assert.EndsWith("HubException: that is not the facilitator's code", refused.Message);
        var inject = await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync("Inject", 3, 1));
        Assert.EndsWith("HubException: only the facilitator injects a shock; give the facilitator's code first", inject.Message);
    }

    [Fact]
    public async Task A_wrong_join_code_is_refused()
    {
        await using var guesser = await classroom.ConnectAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<JsonElement>("Join", "ZZZZZZ"));
        Assert.EndsWith("HubException: that is not a join code of this classroom; check it on the facilitator's screen", refused.Message);
    }

    [Fact]
    public async Task A_third_team_at_a_table_is_refused()
    {
        // Table 4: JP and US are taken by the first two teams.
        var code = classroom.Server.Codes.Join[3];
        await using var first = await classroom.ConnectAsync();
        await using var second = await classroom.ConnectAsync();
        await using var third = await classroom.ConnectAsync();
        Assert.Equal("JP", (await first.InvokeAsync<JsonElement>("Join", code)).GetProperty("actor").GetString());
        Assert.Equal("US", (await second.InvokeAsync<JsonElement>("Join", code)).GetProperty("actor").GetString());
        var refused = await Assert.ThrowsAsync<HubException>(() => third.InvokeAsync<JsonElement>("Join", code));
        Assert.EndsWith("HubException: both countries at table 4 have their teams; a team coming back gives its team code, which its page showed, under 'Back at your table'", refused.Message);
    }

    [Theory]
    [InlineData("tpp-11", "90")]
    [InlineData("north-korea", "150")]
    [InlineData("north-korea", "talks")]
    public async Task A_proposal_a_file_could_not_make_is_refused_in_the_files_words(string topic, string value)
    {
        // The words an answers file with the same proposal gets, read from a file written here by hand.
        var file = $"answers: north-korea-line\nrole: JP\npredictions: {{ pressure-holds: yes, us-line: 80 }}\nproposals:\n  - {{ round: 1, terms: {{ {topic}: {value} }} }}\n";
        var expected = Assert.Throws<InputException>(() => ExerciseFile.ParseAnswers("answers.yaml", file, classroom.Exercise)).Problem;

        await using var team = await classroom.ConnectAsync();
        await team.InvokeAsync<JsonElement>("Join", classroom.Server.Codes.Join[4 + (topic == "tpp-11" ? 0 : value == "150" ? 1 : 2)]);
        var refused = await Assert.ThrowsAsync<HubException>(() => team.InvokeAsync("Propose", "JP", new Dictionary<string, string> { [topic] = value }));
        Assert.EndsWith($"HubException: {expected}", refused.Message);
    }

    [Fact]
    public async Task A_page_takes_its_seat_again_with_its_team_code_and_a_wrong_code_is_refused()
    {
        // Table 9: the seat JP, taken by one connection, is taken again by another with the team code the first was given,
        // typed as a team might: in small letters, with a space in the middle.
        await using var first = await classroom.ConnectAsync();
        var joined = await first.InvokeAsync<JsonElement>("Join", classroom.Server.Codes.Join[8]);
        var code = joined.GetProperty("seat").GetString()!;
        // Eight characters of the codes' alphabet.
        Assert.Equal(8, code.Length);
        Assert.All(code, c => Assert.Contains(c, ClassroomCodes.Alphabet));

        await using var reloaded = await classroom.ConnectAsync();
        var again = await reloaded.InvokeAsync<JsonElement>("Rejoin", code[..4].ToLowerInvariant() + " " + code[4..]);
        Assert.Equal(("JP", 9, code), (again.GetProperty("actor").GetString(), again.GetProperty("table").GetInt32(), again.GetProperty("seat").GetString()));

        // Eight 2s: a code of the right form, which no seat has (a seat's code is drawn at random; 30^-8 is the chance).
        await using var guesser = await classroom.ConnectAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<JsonElement>("Rejoin", code == "22222222" ? "33333333" : "22222222"));
        Assert.EndsWith("HubException: that team code is not one of this classroom's; join with your table's join code, or check your team code", refused.Message);
    }

    [Fact]
    public async Task When_both_teams_have_left_a_returning_team_gets_its_own_country_back_with_its_team_code()
    {
        // Table 3: JP (the first to join) proposes north-korea 80 once the facilitator starts round 1, US accepts: three
        // changes (the start, the proposal, the answer), so the table's version is 3.
        var code = classroom.Server.Codes.Join[2];
        await using var facilitator = await classroom.ConnectAsync();
        var gone = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        facilitator.On<JsonElement>(ClassroomHub.TableMessage, sight =>
        {
            // Both teams joined, neither connected: both pages closed.
            if (sight.GetProperty("table").GetInt32() == 3 && sight.GetProperty("joined").GetArrayLength() == 2 && sight.GetProperty("connected").GetArrayLength() == 0)
                gone.TrySetResult(sight);
        });
        await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);
        await facilitator.InvokeAsync("Start", 3);

        var japan = await classroom.ConnectAsync();
        var japanCode = (await japan.InvokeAsync<JsonElement>("Join", code)).GetProperty("seat").GetString()!;
        var usa = await classroom.ConnectAsync();
        var usaJoined = await usa.InvokeAsync<JsonElement>("Join", code);
        var usaCode = usaJoined.GetProperty("seat").GetString()!;
        Assert.Equal("US", usaJoined.GetProperty("actor").GetString());
        Assert.NotEqual(japanCode, usaCode);
        var seen = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        usa.On<JsonElement>(ClassroomHub.TableMessage, sight =>
        {
            if (sight.GetProperty("version").GetInt32() == 3)
                seen.TrySetResult(sight);
        });
        await japan.InvokeAsync("Propose", "JP", new Dictionary<string, string> { ["north-korea"] = "80" });
        await usa.InvokeAsync("Answer", "US", "p1-JP", true);
        // What US's page showed last: the table after its answer, pushed to it.
        var before = await seen.Task.WaitAsync(TimeSpan.FromMinutes(1));

        // Both teams close their pages; the facilitator is told both joined and neither is connected.
        await japan.DisposeAsync();
        await usa.DisposeAsync();
        await gone.Task.WaitAsync(TimeSpan.FromMinutes(1));

        // A team that joins with the table's join code now is refused: both countries belong to their teams.
        await using var stranger = await classroom.ConnectAsync();
        await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync<JsonElement>("Join", code));

        // The US team comes back first, with its team code: it plays the US again (not JP, the first role), reads the
        // US's confidential instructions and none of Japan's, and finds the table as its page last showed it: no
        // proposal waiting, a point at the start and one after p1-JP.
        await using var back = await classroom.ConnectAsync();
        var rejoined = await back.InvokeAsync<JsonElement>("Rejoin", usaCode);
        Assert.Equal(("US", 3, usaCode), (rejoined.GetProperty("actor").GetString(), rejoined.GetProperty("table").GetInt32(), rejoined.GetProperty("seat").GetString()));
        string[] confidential = [.. rejoined.GetProperty("confidential").EnumerateArray().Select(l => l.GetString()!)];
        Assert.Equal(RoleBrief.Confidential(classroom.Exercise, "US"), confidential);
        Assert.NotEqual(RoleBrief.Confidential(classroom.Exercise, "JP"), confidential);
        var after = rejoined.GetProperty("sight");
        Assert.Equal(3, after.GetProperty("version").GetInt32());
        Assert.Equal(0, after.GetProperty("pending").GetArrayLength());
        Assert.Equal(["start", "p1-JP"], after.GetProperty("chart").GetProperty("after").EnumerateArray().Select(a => a.GetString()));
        // The same table as US's page showed, but for who is connected now: US alone (its page was closed then open).
        Assert.Equal(["US"], after.GetProperty("connected").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(before.GetProperty("play").GetRawText(), after.GetProperty("play").GetRawText());
        Assert.Equal(before.GetProperty("scores").GetRawText(), after.GetProperty("scores").GetRawText());

        // Japan's team comes back with its own code and plays JP.
        await using var japanBack = await classroom.ConnectAsync();
        Assert.Equal("JP", (await japanBack.InvokeAsync<JsonElement>("Rejoin", japanCode)).GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData(10, "{ pressure-holds: yes }")]
    [InlineData(14, "{ pressure-holds: yes, us-line: 150 }")]
    [InlineData(15, "{ pressure-holds: maybe, us-line: 80 }")]
    [InlineData(16, "{ pressure-holds: yes, us-line: 80, talks: yes }")]
    public async Task Predictions_a_file_could_not_give_are_refused_in_the_files_words(int table, string predictions)
    {
        // The words an answers file with the same predictions gets, read from a file written here by hand.
        var file = $"answers: north-korea-line\nrole: JP\npredictions: {predictions}\n";
        var expected = Assert.Throws<InputException>(() => ExerciseFile.ParseAnswers("answers.yaml", file, classroom.Exercise)).Problem;
        // The same predictions as the page's fields would send them: each question's id with its answer as text.
        var answers = new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, string>>(predictions);

        // Each case at a table of its own, where the first team to join plays JP.
        await using var team = await classroom.ConnectAsync();
        Assert.Equal("JP", (await team.InvokeAsync<JsonElement>("Join", classroom.Server.Codes.Join[table - 1])).GetProperty("actor").GetString());
        var refused = await Assert.ThrowsAsync<HubException>(() => team.InvokeAsync("Predict", "JP", answers));
        Assert.EndsWith($"HubException: {expected}", refused.Message);
    }

    [Fact]
    public async Task A_team_asking_for_the_debrief_export_is_refused()
    {
        // Table 11: a team that has joined, sent straight to the server, as a tampered page would send it.
        await using var team = await classroom.ConnectAsync();
        await team.InvokeAsync<JsonElement>("Join", classroom.Server.Codes.Join[10]);
        foreach (var format in new[] { "csv", "html" })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => team.InvokeAsync<JsonElement>("Export", format));
            Assert.EndsWith("HubException: only the facilitator exports the debrief; give the facilitator's code first", refused.Message);
        }
    }

    [Fact]
    public async Task The_facilitator_gives_a_seat_a_new_team_code_which_takes_the_seat_while_the_old_one_and_its_pages_are_refused_and_a_team_cannot_give_one()
    {
        // Table 25, no other test's: JP is the first team to join, and its page keeps the seat's code.
        await using var japan = await classroom.ConnectAsync();
        var old = (await japan.InvokeAsync<JsonElement>("Join", classroom.Server.Codes.Join[24])).GetProperty("seat").GetString()!;
        var revoked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        japan.On<string>("revoked", text => revoked.TrySetResult(text));

        // A team cannot give a code: the hub asks for the facilitator's code first, and the old code still works.
        var team = await Assert.ThrowsAsync<HubException>(() => japan.InvokeAsync<string>("NewTeamCode", 25, "JP"));
        Assert.EndsWith("HubException: only the facilitator gives a team a new team code; give the facilitator's code first", team.Message);

        await using var facilitator = await classroom.ConnectAsync();
        await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);
        var code = await facilitator.InvokeAsync<string>("NewTeamCode", 25, "JP");
        // A team code is 8 characters of the codes' alphabet, drawn anew: not the old one.
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$", code);
        Assert.NotEqual(old, code);

        // The page that held the seat with the old code is told in words, and can no longer act for JP.
        const string told = "the facilitator has given your team's seat at table 25 a new team code; ask the facilitator for it and give it under 'Back at your table'";
        Assert.Equal(told, await revoked.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var propose = await Assert.ThrowsAsync<HubException>(() => japan.InvokeAsync("Propose", "JP", new Dictionary<string, string> { ["north-korea"] = "50" }));
        Assert.EndsWith("HubException: " + told, propose.Message);

        // The old code takes no seat; the new one takes JP's at table 25.
        await using var leaked = await classroom.ConnectAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => leaked.InvokeAsync<JsonElement>("Rejoin", old));
        Assert.EndsWith("HubException: that team code is not one of this classroom's; join with your table's join code, or check your team code", refused.Message);
        await using var back = await classroom.ConnectAsync();
        var seat = await back.InvokeAsync<JsonElement>("Rejoin", code);
        Assert.Equal((25, "JP", code), (seat.GetProperty("table").GetInt32(), seat.GetProperty("actor").GetString(), seat.GetProperty("seat").GetString()));

        // No team has joined table 25 as US; KR is no country of north-korea-line, 27 no table of the fixture's 26.
        var none = await Assert.ThrowsAsync<HubException>(() => facilitator.InvokeAsync<string>("NewTeamCode", 25, "US"));
        Assert.EndsWith("HubException: no team has joined table 25 as US; a team joins with the table's join code", none.Message);
        var country = await Assert.ThrowsAsync<HubException>(() => facilitator.InvokeAsync<string>("NewTeamCode", 25, "KR"));
        Assert.EndsWith("HubException: 'KR' is not a country of this exercise; its countries are JP and US", country.Message);
        var table = await Assert.ThrowsAsync<HubException>(() => facilitator.InvokeAsync<string>("NewTeamCode", 27, "JP"));
        Assert.EndsWith("HubException: table 27 is not one of this classroom's; its tables are 1 to 26", table.Message);
    }
}

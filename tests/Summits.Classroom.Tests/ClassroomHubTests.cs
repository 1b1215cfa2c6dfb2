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
        Assert.EndsWith("HubException: both countries at table 4 are taken; ask the facilitator for another table's code", refused.Message);
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
    public async Task A_page_takes_its_seat_again_with_its_secret_and_a_wrong_secret_is_refused()
    {
        // Table 9: the seat JP, taken by one connection, is taken again by another with the secret the first was given.
        await using var first = await classroom.ConnectAsync();
        var joined = await first.InvokeAsync<JsonElement>("Join", classroom.Server.Codes.Join[8]);
        var secret = joined.GetProperty("seat").GetString()!;
        Assert.Equal(32, secret.Length);

        await using var reloaded = await classroom.ConnectAsync();
        var again = await reloaded.InvokeAsync<JsonElement>("Rejoin", secret);
        Assert.Equal(("JP", 9), (again.GetProperty("actor").GetString(), again.GetProperty("table").GetInt32()));
        // The secret is given once, when the team joins.
        Assert.Equal(JsonValueKind.Null, again.GetProperty("seat").ValueKind);

        await using var guesser = await classroom.ConnectAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<JsonElement>("Rejoin", new string('0', 32)));
        Assert.EndsWith("HubException: this page's seat is not one of this classroom's; join again with your table's code", refused.Message);
    }

    [Fact]
    public async Task A_team_that_closes_its_connection_and_joins_again_with_its_code_finds_its_table_as_it_was()
    {
        // Table 3: JP (the first to join) proposes north-korea 80, US accepts: two changes, so the table's version is 2.
        var code = classroom.Server.Codes.Join[2];
        await using var facilitator = await classroom.ConnectAsync();
        var gone = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        facilitator.On<JsonElement>(ClassroomHub.TableMessage, sight =>
        {
            // Only US at the table: JP has gone (before US joined, JP alone was there).
            if (sight.GetProperty("table").GetInt32() == 3 && sight.GetProperty("taken") is { } taken && taken.GetArrayLength() == 1 && taken[0].GetString() == "US")
                gone.TrySetResult(sight);
        });
        await facilitator.InvokeAsync<JsonElement>("Facilitate", classroom.Server.Codes.Facilitator);

        await using var japan = await classroom.ConnectAsync();
        var seen = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        japan.On<JsonElement>(ClassroomHub.TableMessage, sight =>
        {
            if (sight.GetProperty("version").GetInt32() == 2)
                seen.TrySetResult(sight);
        });
        Assert.Equal("JP", (await japan.InvokeAsync<JsonElement>("Join", code)).GetProperty("actor").GetString());
        await using var usa = await classroom.ConnectAsync();
        Assert.Equal("US", (await usa.InvokeAsync<JsonElement>("Join", code)).GetProperty("actor").GetString());
        await japan.InvokeAsync("Propose", "JP", new Dictionary<string, string> { ["north-korea"] = "80" });
        await usa.InvokeAsync("Answer", "US", "p1-JP", true);
        // What JP's page showed last: the table after the answer, pushed to it.
        var before = await seen.Task.WaitAsync(TimeSpan.FromMinutes(1));

        // JP's team closes its page; the facilitator is told that only US is at the table.
        await japan.DisposeAsync();
        await gone.Task.WaitAsync(TimeSpan.FromMinutes(1));

        await using var back = await classroom.ConnectAsync();
        var rejoined = await back.InvokeAsync<JsonElement>("Join", code);
        // The same country at the same table, with a new secret, and the table read back as JP's page last showed it:
        // no proposal waiting, a point at the start and one after p1-JP, both teams at the table again.
        Assert.Equal(("JP", 3), (rejoined.GetProperty("actor").GetString(), rejoined.GetProperty("table").GetInt32()));
        Assert.Equal(32, rejoined.GetProperty("seat").GetString()!.Length);
        var after = rejoined.GetProperty("sight");
        Assert.Equal(2, after.GetProperty("version").GetInt32());
        Assert.Equal(0, after.GetProperty("pending").GetArrayLength());
        Assert.Equal(["start", "p1-JP"], after.GetProperty("chart").GetProperty("after").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Theory]
    [InlineData("{ pressure-holds: yes }")]
    [InlineData("{ pressure-holds: yes, us-line: 150 }")]
    [InlineData("{ pressure-holds: maybe, us-line: 80 }")]
    [InlineData("{ pressure-holds: yes, us-line: 80, talks: yes }")]
    public async Task Predictions_a_file_could_not_give_are_refused_in_the_files_words(string predictions)
    {
        // The words an answers file with the same predictions gets, read from a file written here by hand.
        var file = $"answers: north-korea-line\nrole: JP\npredictions: {predictions}\n";
        var expected = Assert.Throws<InputException>(() => ExerciseFile.ParseAnswers("answers.yaml", file, classroom.Exercise)).Problem;
        // The same predictions as the page's fields would send them: each question's id with its answer as text.
        var answers = new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, string>>(predictions);

        // Table 10: whichever country the team is given (the last case's team may not have left yet), it answers for it.
        await using var team = await classroom.ConnectAsync();
        var country = (await team.InvokeAsync<JsonElement>("Join", classroom.Server.Codes.Join[9])).GetProperty("actor").GetString()!;
        var refused = await Assert.ThrowsAsync<HubException>(() => team.InvokeAsync("Predict", country, answers));
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
}

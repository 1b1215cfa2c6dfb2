using Summits.Cli.Commands;
using Summits.Hosting;
using Summits.Tests;

namespace Summits.Classroom.Tests;

/// <summary>
/// A data folder's <c>classroom.json</c> that is not as the classroom writes it (a value of the wrong kind, a seat at a
/// table or of a country the classroom does not have, a code twice, a file cut short) is refused at start in one line
/// naming its line and column and what was expected there, with exit code 2, and the folder is left as it was.
/// </summary>
public sealed class ClassroomFileTests : IDisposable
{
    private static readonly string ExerciseFile = SeedFiles.File("scenarios", "exercises", "north-korea-line.yaml");

    /// <summary>The teams of <see cref="Codes"/>, lines 9 to 20 of the file.</summary>
    private const string TeamsList = """
        "teams": [
            {
              "table": 1,
              "country": "JP",
              "code": "K7MQ2XHD"
            },
            {
              "table": 2,
              "country": "US",
              "code": "M4TD8WQC"
            }
          ]
        """;

    /// <summary>
    /// A classroom.json as the classroom writes it (two spaces a level), of north-korea-line with two tables and both
    /// countries' teams; its lines, numbered from 1: 1 <c>{</c>, 2 exercise, 3 classroom, 4 facilitator, 5 <c>"join": [</c>,
    /// 6 and 7 the join codes, 8 <c>],</c>, 9 <c>"teams": [</c>, 10 <c>{</c>, 11 table, 12 country, 13 code, 14 <c>},</c>,
    /// 15 <c>{</c>, 16 table, 17 country, 18 code, 19 <c>}</c>, 20 <c>]</c>, 21 <c>}</c>.
    /// </summary>
    private const string Codes = """
        {
          "exercise": "north-korea-line",
          "classroom": "classroom-b553ea12",
          "facilitator": "K3XR3TVRMTS6MDM4GG2H",
          "join": [
            "G5BNTB",
            "P3W6FH"
          ],
        """ + "\n  " + TeamsList + "\n}\n";

    /// <summary>What each refusal of the file ends with: to correct the file, or to give the classroom another folder (never to delete this one, which holds the classroom's codes).</summary>
    private const string Advice = "; correct it there, or start the classroom with another --data folder";

    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("summits-classroom-file-");

    // A second team's code or seat names the line of the first's code (13) or country (12), where the facilitator can
    // compare them. Each column counted on its line: "      \"table\": " is 6 spaces, 7 characters of key, a colon and a space, so a
    // team's table starts at column 16; its country at 6 + 9 + 2 + 1 = 18, its code at 6 + 6 + 2 + 1 = 15; at the top
    // level, "  \"classroom\": " puts its value at 2 + 11 + 2 + 1 = 16, the facilitator's at 2 + 13 + 2 + 1 = 18, join's
    // '[' at 2 + 6 + 2 + 1 = 11 and teams' at 2 + 7 + 2 + 1 = 12; a join code (4 spaces in) at 5, a key at its quote
    // (a second "classroom" after the first's value, 20 characters from column 16, a comma and a space: 16 + 20 + 2 = 38).
    [Theory]
    [InlineData("\"table\": 1,", "\"table\": \"1\",", "11:16: a team's table must be one of the classroom's, a whole number from 1 to 2, not \"1\"")]
    [InlineData("\"table\": 2,", "\"table\": 3,", "16:16: a team's table must be one of the classroom's, a whole number from 1 to 2, not 3")]
    [InlineData("\"table\": 2,", "\"table\": 0,", "16:16: a team's table must be one of the classroom's, a whole number from 1 to 2, not 0")]
    [InlineData("\"country\": \"US\"", "\"country\": \"KR\"", "17:18: a team's country must be one of the exercise's countries, JP or US, not \"KR\"")]
    [InlineData("\"country\": \"US\"", "\"country\": null", "17:18: a team's country must be one of the exercise's countries, JP or US, not null")]
    [InlineData("\"M4TD8WQC\"", "\"K7MQ2XHD\"", "18:15: the team code \"K7MQ2XHD\" is a second team's (the first at line 13); expected a code of its own for each team")]
    [InlineData("\"table\": 2,\n      \"country\": \"US\"", "\"table\": 1,\n      \"country\": \"JP\"",
        "17:18: JP at table 1 is a second team's (the first at line 12); expected one team for each country at a table")]
    [InlineData("\"K7MQ2XHD\"", "\"K7MQ2XH\"", "13:15: a team's code must be 8 characters of " + Alphabet + ", not \"K7MQ2XH\"")]
    [InlineData(",\n      \"code\": \"M4TD8WQC\"", "", "15:5: a team's seat has no key \"code\"; expected an object with the keys table, country, code")]
    [InlineData("\"table\": 1,", "\"tabel\": 1,", "11:7: \"tabel\" is not a key of a team's seat; expected one of table, country, code")]
    [InlineData(TeamsList, "\"teams\": 7", "9:12: teams must be a list of the teams' seats, each { \"table\": 1, \"country\": \"JP\", \"code\": \"K7MQ2XHD\" }, not 7")]
    [InlineData(TeamsList, "\"teams\": [ 1 ]", "9:14: a team's seat must be an object with the keys table, country, code, not 1")]
    [InlineData("\"join\": [\n    \"G5BNTB\",\n    \"P3W6FH\"\n  ]", "\"join\": \"G5BNTB\"", "5:11: join must be a list of the tables' join codes, from 1 to 30, not \"G5BNTB\"")]
    [InlineData("\"P3W6FH\"", "\"G5BNTB\"", "7:5: table 2's join code \"G5BNTB\" is table 1's too; expected a join code of its own for each table")]
    [InlineData("\"P3W6FH\"", "\"P3W6F\"", "7:5: table 2's join code must be 6 characters of " + Alphabet + ", not \"P3W6F\"")]
    [InlineData("\"K3XR3TVRMTS6MDM4GG2H\"", "\"K3XR3TVRMTS6MDM4GG2I\"", "4:18: the facilitator's code must be 20 characters of " + Alphabet + ", not \"K3XR3TVRMTS6MDM4GG2I\"")]
    [InlineData("\"classroom-b553ea12\"", "\"classroom-B553EA12\"",
        "3:16: the classroom's id must be 'classroom-' and 8 hex digits (0-9, a-f), such as \"classroom-b553ea12\", not \"classroom-B553EA12\"")]
    [InlineData("  \"classroom\": \"classroom-b553ea12\",\n", "",
        "1:1: classroom.json has no key \"classroom\"; expected an object with the keys exercise, classroom, facilitator, join, teams")]
    [InlineData("\"join\": [", "\"joins\": [", "5:3: \"joins\" is not a key of classroom.json; expected one of exercise, classroom, facilitator, join, teams")]
    [InlineData("\"classroom\": \"classroom-b553ea12\",", "\"classroom\": \"classroom-b553ea12\", \"classroom\": \"classroom-b553ea13\",",
        "3:38: \"classroom\" is written a second time in classroom.json (first at line 3); expected it once")]
    public async Task A_malformed_value_is_refused_at_its_line_and_column_with_exit_code_2_and_the_folder_left_as_it_was(string from, string to, string expected)
    {
        Assert.Contains(from, Codes);
        await AssertRefusedAsync(Codes.Replace(from, to), expected);
    }

    [Fact]
    public async Task A_file_cut_short_or_empty_or_not_an_object_is_refused_at_its_place()
    {
        // Cut after line 12 ("country": "JP",): after the comma the reader looks for the next key and meets the file's
        // end at the start of line 13, so the file is cut short there.
        var cut = Codes[..Codes.IndexOf("      \"code\": \"K7MQ2XHD\"", StringComparison.Ordinal)];
        await AssertRefusedAsync(cut, "13:1: the file is cut short here, before its object is closed; "
            + "expected the object the classroom wrote, with the keys exercise, classroom, facilitator, join, teams");
        // Without its last line's '}' (line 21): the reader ends at the end of line 20 ("  ]" then '\n'), the object open;
        // it names line 21, column 1, the place after the last '\n'.
        await AssertRefusedAsync(Codes[..^2], "21:1: the file is cut short here, before its object is closed; "
            + "expected the object the classroom wrote, with the keys exercise, classroom, facilitator, join, teams");
        // Line 11 without its comma ("table": 1): the reader meets line 12's "country" key where it expects a comma or
        // a '}', at its quote, column 7 (6 spaces before it), with the file going on after it.
        await AssertRefusedAsync(Codes.Replace("\"table\": 1,", "\"table\": 1"), "12:7: the file is not whole JSON here: a comma, a bracket or a quote "
            + "is missing or out of place near this place; expected the object the classroom wrote, with the keys exercise, classroom, facilitator, join, teams");
        await AssertRefusedAsync("", "1:1: the file is empty; expected the object the classroom wrote, with the keys exercise, classroom, facilitator, join, teams");
        await AssertRefusedAsync(" \n", "2:1: the file is empty; expected the object the classroom wrote, with the keys exercise, classroom, facilitator, join, teams");
        await AssertRefusedAsync("[]\n", "1:1: classroom.json must be an object with the keys exercise, classroom, facilitator, join, teams, not a list");
    }

    [Fact]
    public async Task The_file_as_the_classroom_writes_it_is_read_with_every_team()
    {
        var data = WriteFolder(Codes);
        var cluster = ClusterAddress.Read("redis://127.0.0.1:6379", out _)!;
        await using var storage = await ClassroomStorage.OpenAsync("north-korea-line", ["JP", "US"], data, 2, tablesGiven: true, cluster, ClusterIds.Default, redisProgram: null);
        Assert.Equal(("classroom-b553ea12", "K3XR3TVRMTS6MDM4GG2H", "G5BNTB P3W6FH"), (storage.ClassroomId, storage.Codes.Facilitator, string.Join(' ', storage.Codes.Join)));
        Assert.Equal([new TeamSeat(1, "JP", "K7MQ2XHD"), new TeamSeat(2, "US", "M4TD8WQC")], storage.Teams.ToArray());
    }

    [Fact]
    public async Task A_new_team_code_is_kept_in_classroom_json_in_the_old_ones_place()
    {
        var data = WriteFolder(Codes);
        var cluster = ClusterAddress.Read("redis://127.0.0.1:6379", out _)!;
        var exercise = Summits.Scenarios.ExerciseFile.Load(ExerciseFile);
        await using (var storage = await ClassroomStorage.OpenAsync("north-korea-line", ["JP", "US"], data, 2, tablesGiven: true, cluster, ClusterIds.Default, redisProgram: null))
        {
            var seats = new ClassroomSeats(new ClassroomExercise(exercise, storage.ClassroomId, storage.Tables), storage);
            var (seat, holders) = seats.Reissue(2, "US")!.Value;
            Assert.Equal((2, "US", 0), (seat.Table, seat.Actor, holders.Count));
            Assert.NotEqual("M4TD8WQC", seat.Token);
            Assert.Null(seats.Retake("M4TD8WQC", "a page"));
            Assert.Equal(seat, seats.Retake(seat.Token, "a page"));
        }
        // Started again, the folder gives JP's seat its code and US's the new one, the old one nowhere in the file.
        await using (var again = await ClassroomStorage.OpenAsync("north-korea-line", ["JP", "US"], data, 2, tablesGiven: true, cluster, ClusterIds.Default, redisProgram: null))
        {
            var us = again.Teams.Single(t => t.Actor == "US");
            Assert.Equal([new TeamSeat(1, "JP", "K7MQ2XHD"), new TeamSeat(2, "US", us.Token)], again.Teams.ToArray());
            Assert.NotEqual("M4TD8WQC", us.Token);
        }
        Assert.DoesNotContain("M4TD8WQC", File.ReadAllText(Path.Combine(data, ClassroomStorage.CodesFile)));
    }

    /// <summary>
    /// Writes <paramref name="contents"/> as a data folder's classroom.json and checks that both the classroom's storage
    /// and the command refuse it with <c>classroom.json:</c><paramref name="expected"/> and the advice every such line
    /// ends with (<see cref="Advice"/>), the command with exit code 2
    /// before it makes anything in the folder, and that the folder holds the file alone, as written.
    /// </summary>
    private async Task AssertRefusedAsync(string contents, string expected)
    {
        var data = WriteFolder(contents);
        var path = Path.Combine(data, ClassroomStorage.CodesFile);
        // A cluster named, so that the folder keeps the codes; it is refused before the server is ever asked.
        var cluster = ClusterAddress.Read("redis://127.0.0.1:6379", out _)!;
        var refused = await Assert.ThrowsAsync<ClassroomDataException>(() =>
            ClassroomStorage.OpenAsync("north-korea-line", ["JP", "US"], data, 2, tablesGiven: false, cluster, ClusterIds.Default, redisProgram: null));
        Assert.Equal($"{path}:{expected}{Advice}", refused.Message);
        Assert.DoesNotContain('\n', refused.Message);

        var listened = false;
        var exit = await ClassroomCommand.RunAsync(ExerciseFile, folder => { listened = true; return ClassroomEndpoint.Loopback(0); }, 2, tablesGiven: false, data, cluster,
            clusterId: null, path: "", TextWriter.Null, CancellationToken.None);
        Assert.Equal((Summits.Cli.ExitCodes.BadInput, false), (exit, listened));
        Assert.Equal([path], Directory.GetFileSystemEntries(data));
        Assert.Equal(contents, File.ReadAllText(path));
    }

    private string WriteFolder(string contents)
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(data, ClassroomStorage.CodesFile), contents);
        return data;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}

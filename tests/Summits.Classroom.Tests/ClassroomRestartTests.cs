using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using StackExchange.Redis;
using Summits.Cli.Commands;
using Summits.Cli.Hosting;
using Summits.Cluster.Tests;
using Summits.Hosting;
using Summits.Tests;

namespace Summits.Classroom.Tests;

/// <summary>
/// <c>summits classroom</c> stopped and started again with the same data folder: its tables kept by a redis-server it
/// starts itself, or by a cluster's Redis server (<c>--cluster</c>), and in memory, said at start, when it has neither.
/// It runs in the classroom collection, one classroom command at a time in the process.
/// </summary>
[Collection(ClassroomCollection.Name)]
public sealed partial class ClassroomRestartTests : IDisposable
{
    private static readonly string ExerciseFile = SeedFiles.File("scenarios", "exercises", "north-korea-line.yaml");

    /// <summary>north-korea-line's two countries, as its file's roles name them.</summary>
    private static readonly string[] NorthKoreaLine = ["JP", "US"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("summits-classroom-");

    [ClusterFact]
    public async Task A_classroom_with_its_own_redis_server_started_again_with_the_same_data_folder_shows_the_team_with_its_team_code_and_the_facilitator_the_same_table_round_and_shock()
    {
        var data = Path.Combine(_folder.FullName, "data");
        var path = Environment.GetEnvironmentVariable("PATH");
        Assert.NotNull(RedisProcess.Find(path));
        var (first, second) = await PlayStopAndStartAgainAsync(() => CommandRun.Start(data, null, null, path), data);

        // Its own server, named in the second line, keeps the tables in the data folder, and has ended with the classroom.
        var port = int.Parse(OwnServer().Match(first.Lines[1]).Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"summits classroom: the tables are kept in {data} by a redis-server of the classroom's own on 127.0.0.1:{port}, each change on disk before a page shows it: "
            + "started again with the same data folder, the classroom finds every table as it was, with the same codes; Ctrl-C stops it", first.Lines[1]);
        Assert.Equal($"summits classroom: stopped; its tables are kept for its next start with the data folder {data}", first.Lines[2]);
        Assert.False(Listens(port));
        Assert.True(Directory.EnumerateFiles(Path.Combine(data, ClassroomStorage.RedisFolder), "*.aof", SearchOption.AllDirectories).Any());
        Assert.StartsWith($"summits classroom: the tables are kept in {data} by a redis-server of the classroom's own on 127.0.0.1:", second.Lines[1]);
    }

    [ClusterFact]
    public async Task A_classroom_on_a_cluster_started_again_with_the_same_data_folder_shows_the_team_with_its_team_code_and_the_facilitator_the_same_table_round_and_shock()
    {
        await using var redis = await RedisServer.StartAsync();
        var cluster = ClusterAddress.Read(redis.Address, out _)!;
        var id = "test-" + Guid.NewGuid().ToString("N")[..12];
        var data = Path.Combine(_folder.FullName, "data");
        // No redis-server on the path: the cluster's server keeps the tables, and the classroom starts none of its own.
        var (first, _) = await PlayStopAndStartAgainAsync(() => CommandRun.Start(data, cluster, id, path: ""), data);

        Assert.Equal($"summits classroom: the tables are kept in the Redis server at {redis.Address} (cluster '{id}') and their codes in {data}: "
            + "started again with the same data folder and cluster, the classroom finds every table as it was, with the same codes; Ctrl-C stops it", first.Lines[1]);
        Assert.False(Directory.Exists(Path.Combine(data, ClassroomStorage.RedisFolder)));
        // The table's state stands in the cluster's server under the cluster's id and the classroom's id, from its data folder.
        var classroom = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, ClassroomStorage.CodesFile))).RootElement.GetProperty("classroom").GetString()!;
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redis.Port}");
        var keys = connection.GetServer($"127.0.0.1:{redis.Port}").Keys(pattern: $"*{classroom}*").Select(k => k.ToString()).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains(id, key));
    }

    [Fact]
    public async Task A_classroom_without_a_cluster_or_a_redis_server_says_at_start_that_its_tables_will_not_survive_a_restart_and_writes_nothing()
    {
        var data = Path.Combine(_folder.FullName, "data");
        var run = CommandRun.Start(data, null, null, path: "");
        await run.StartedAsync();
        var lines = await run.StopAsync();

        // Where the classroom is, then one line on where its tables are kept (no cluster and no redis-server on the
        // path: in memory, so a restart loses them, and how to keep them, in the words of docs/classroom.md), then, at
        // Ctrl-C, that they are gone. The data folder is not even made.
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("summits classroom: north-korea-line at http://127.0.0.1:", lines[0]);
        Assert.Equal("summits classroom: the tables are kept in memory only: they are lost when the classroom stops and do not survive a restart; "
            + "to keep them, install redis-server (sudo apt-get install redis-server) or give --cluster redis://HOST:PORT; Ctrl-C stops it", lines[1]);
        Assert.Equal("summits classroom: stopped; its tables are gone", lines[2]);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task A_cluster_whose_redis_server_does_not_answer_ends_the_classroom_in_one_line_before_it_serves()
    {
        // A port nothing listens on: the connection is refused at once.
        var port = Summits.Hosting.LoopbackPort.Free();
        var cluster = ClusterAddress.Read($"redis://127.0.0.1:{port}", out _)!;
        var data = Path.Combine(_folder.FullName, "data");
        var failure = await Assert.ThrowsAsync<ClusterException>(() => ClassroomCommand.RunAsync(ExerciseFile, port: 0, tables: 1, tablesGiven: false,
            data, cluster, clusterId: null, path: "", TextWriter.Null, CancellationToken.None));
        // The line summits run and summits silo give for a Redis server that does not answer (docs/cluster.md).
        Assert.Equal($"the cluster's Redis server at redis://127.0.0.1:{port} does not answer; start it, or name the server that runs with --cluster or Summits:Cluster", failure.Message);
        // The start had written classroom.json with new codes and classroom.lock in a new data folder before the silo
        // found no server; refused, it takes the folder back.
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public void A_cluster_that_is_no_redis_address_is_refused_in_one_line_as_the_other_commands_refuse_it()
    {
        var parse = ClassroomCommand.Create().Parse([ExerciseFile, "--cluster", "http://10.0.0.5:6379"]);
        var error = Assert.Single(parse.Errors);
        Assert.Equal("--cluster must be a Redis server as redis://HOST:PORT, HOST a name or an IP address (IPv6 in brackets) and PORT a whole number from 1 to 65535, "
            + "not 'http://10.0.0.5:6379': it does not begin with redis://", error.Message);
    }

    [Theory]
    [InlineData("--data", "lesson")]
    [InlineData("--data", "lesson", "--public")]
    [InlineData("--data", "lesson", "--public", "--certificate", "school.pfx")]
    public void The_data_folder_is_taken_with_or_without_public_and_beside_a_certificate_given(params string[] options)
    {
        // One folder keeps the codes and the tables whether or not the classroom is public, and, public with no
        // certificate given, the classroom's own certificate too: none of these is refused at parse.
        Assert.Empty(ClassroomCommand.Create().Parse([ExerciseFile, .. options]).Errors);
    }

    [Fact]
    public async Task A_data_folder_of_another_exercise_or_another_number_of_tables_is_refused_with_exit_code_2_and_left_as_it_was()
    {
        var data = Path.Combine(_folder.FullName, "data");
        // A classroom of 2 tables of north-korea-line keeps its codes in the folder (with a cluster named, nothing is started to open it).
        var cluster = ClusterAddress.Read("redis://127.0.0.1:6379", out _)!;
        await using (await ClassroomStorage.OpenAsync("north-korea-line", NorthKoreaLine, data, tables: 2, tablesGiven: true, cluster, ClusterIds.Default, redisProgram: null)) { }
        var codes = File.ReadAllText(Path.Combine(data, ClassroomStorage.CodesFile));

        var other = await Assert.ThrowsAsync<ClassroomDataException>(() => ClassroomStorage.OpenAsync("bilateral-fta", ["US", "JP"], data, 1, tablesGiven: false, cluster, ClusterIds.Default, null));
        Assert.Equal($"the data folder {data} keeps a classroom of the exercise north-korea-line, not bilateral-fta; give bilateral-fta a folder of its own with --data", other.Message);
        var tables = await Assert.ThrowsAsync<ClassroomDataException>(() => ClassroomStorage.OpenAsync("north-korea-line", NorthKoreaLine, data, 3, tablesGiven: true, cluster, ClusterIds.Default, null));
        Assert.Equal($"the data folder {data} keeps a classroom of 2 table(s), not 3; leave out --tables to play its 2, or give another folder with --data", tables.Message);
        // Left out, --tables takes the folder's 2; the command refuses a number given that differs, as bad input, before it serves.
        await using (var found = await ClassroomStorage.OpenAsync("north-korea-line", NorthKoreaLine, data, 1, tablesGiven: false, cluster, ClusterIds.Default, null))
            Assert.Equal((2, true), (found.Tables, found.Found));
        Assert.Equal(Summits.Cli.ExitCodes.BadInput, await ClassroomCommand.RunAsync(ExerciseFile, port: 0, tables: 3, tablesGiven: true, data, cluster, clusterId: null, path: "", TextWriter.Null, CancellationToken.None));
        Assert.Equal(codes, File.ReadAllText(Path.Combine(data, ClassroomStorage.CodesFile)));
    }

    [Fact]
    public async Task A_data_folder_that_a_running_classroom_holds_is_refused_to_a_second()
    {
        var data = Path.Combine(_folder.FullName, "data");
        var cluster = ClusterAddress.Read("redis://127.0.0.1:6379", out _)!;
        await using var first = await ClassroomStorage.OpenAsync("north-korea-line", NorthKoreaLine, data, 1, tablesGiven: false, cluster, ClusterIds.Default, null);
        var second = await Assert.ThrowsAsync<IOException>(() => ClassroomStorage.OpenAsync("north-korea-line", NorthKoreaLine, data, 1, tablesGiven: false, cluster, ClusterIds.Default, null));
        Assert.Equal($"the data folder {data} is in use by another classroom; stop that one, or give this one a folder of its own with --data", second.Message);
    }

    /// <summary>
    /// Starts a classroom with <paramref name="start"/>, in which a team joins table 1 and answers the predictions, the
    /// facilitator starts round 1, the team proposes, the facilitator writes a new shock and pauses the round; stops it,
    /// starts it again the same way, and checks that the team coming back with its team code and the facilitator with
    /// the same code find the table as it was, in the same round, paused, with the same shock.
    /// </summary>
    private static async Task<(CommandRun First, CommandRun Second)> PlayStopAndStartAgainAsync(Func<CommandRun> start, string data)
    {
        const string reason = "Seoul and Tokyo announce a joint peace initiative.";
        var first = start();
        var codes = await first.StartedAsync();
        string before, teamCode;
        await using (var team = await ConnectAsync(codes.Address))
        await using (var facilitator = await ConnectAsync(codes.Address))
        {
            var joined = await team.InvokeAsync<JsonElement>("Join", codes.Join);
            Assert.Equal("JP", joined.GetProperty("actor").GetString());
            teamCode = joined.GetProperty("seat").GetString()!;
            await team.InvokeAsync("Predict", "JP", new Dictionary<string, string> { ["pressure-holds"] = "yes", ["us-line"] = "95" });
            await facilitator.InvokeAsync<JsonElement>("Facilitate", codes.Facilitator);
            await facilitator.InvokeAsync("Start", 1);
            await team.InvokeAsync("Propose", "JP", new Dictionary<string, string> { ["north-korea"] = "80" });
            await facilitator.InvokeAsync("InjectNew", 1, new NewShock(reason, "JP", "north-korea", "-30"));
            await facilitator.InvokeAsync("Pause", 1);
            before = Table1(await facilitator.InvokeAsync<JsonElement>("Facilitate", codes.Facilitator));
        }
        await first.StopAsync();
        // The team's code is kept beside the classroom's codes, with its table and country, written when it joined.
        var kept = Assert.Single(JsonDocument.Parse(File.ReadAllText(Path.Combine(data, ClassroomStorage.CodesFile))).RootElement.GetProperty("teams").EnumerateArray().ToList());
        Assert.Equal((1, "JP", teamCode), (kept.GetProperty("table").GetInt32(), kept.GetProperty("country").GetString(), kept.GetProperty("code").GetString()));

        var second = start();
        var again = await second.StartedAsync();
        // The same codes, read back from the data folder.
        Assert.Equal((codes.Join, codes.Facilitator), (again.Join, again.Facilitator));
        await using (var team = await ConnectAsync(again.Address))
        await using (var facilitator = await ConnectAsync(again.Address))
        await using (var other = await ConnectAsync(again.Address))
        {
            // The team comes back with its team code, as under 'Back at your table', and plays JP, its own country, again.
            var back = await team.InvokeAsync<JsonElement>("Rejoin", teamCode);
            Assert.Equal(("JP", teamCode), (back.GetProperty("actor").GetString(), back.GetProperty("seat").GetString()));
            // Its table: five changes (the predictions, the start of round 1, the proposal, the shock, the pause), round 1
            // paused, the proposal p1-JP waiting for the US's answer, its predictions answered, and the shock in the play:
            // JP starts at 92 on north-korea (the exercise's world) and the shock moves it by -30, 92 - 30 = 62.
            var sight = back.GetProperty("sight");
            Assert.Equal(5, sight.GetProperty("version").GetInt32());
            Assert.Equal((1, true), (sight.GetProperty("round").GetInt32(), sight.GetProperty("paused").GetBoolean()));
            Assert.Equal("Round 1 is paused by the facilitator: proposals and answers wait until the next round starts.", sight.GetProperty("state").GetString());
            var pending = Assert.Single(sight.GetProperty("pending").EnumerateArray().ToList());
            Assert.Equal(("p1-JP", "JP", "US"), (pending.GetProperty("id").GetString(), pending.GetProperty("from").GetString(), pending.GetProperty("to").GetString()));
            Assert.True(sight.GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("actor").GetString() == "JP").GetProperty("answered").GetBoolean());
            Assert.Contains(sight.GetProperty("play").EnumerateArray(), line => line.GetString()!.Contains(reason, StringComparison.Ordinal));
            var series = sight.GetProperty("chart").GetProperty("series").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "JP north-korea");
            Assert.Equal(62.0, series.GetProperty("values").EnumerateArray().Last().GetDouble());
            // The facilitator sees the table as before the stop, JP's team at it again, and the shock in the debrief's
            // last row, shocks, marked as the facilitator's own.
            var page = await facilitator.InvokeAsync<JsonElement>("Facilitate", codes.Facilitator);
            Assert.Equal(before, Table1(page));
            var cells = page.GetProperty("tables")[0].GetProperty("sight").GetProperty("debrief");
            // The shock was written in round 1, after the facilitator started it; its reason ends with a full stop.
            Assert.Equal($"inject-1 (written by the facilitator), round 1: {reason}", cells[cells.GetArrayLength() - 1].GetString());
            // JP's seat stays its team's: a team joining with the join code now takes the other country, US.
            Assert.Equal("US", (await other.InvokeAsync<JsonElement>("Join", codes.Join)).GetProperty("actor").GetString());
        }
        await second.StopAsync();
        return (first, second);
    }

    private static string Table1(JsonElement page) => page.GetProperty("tables")[0].GetRawText();

    private static async Task<HubConnection> ConnectAsync(Uri address)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, ClassroomServer.HubPath), HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static bool Listens(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"on 127\.0\.0\.1:(?<port>\d+),")]
    private static partial Regex OwnServer();

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>One run of <c>summits classroom</c> in this process, its output kept and its codes read from its first line.</summary>
    private sealed partial class CommandRun
    {
        private readonly StartWatcher _output = new();
        private readonly CancellationTokenSource _stop = new();
        private Task<int> _run = Task.FromResult(0);

        public static CommandRun Start(string data, ClusterAddress? cluster, string? clusterId, string? path)
        {
            var run = new CommandRun();
            run._run = ClassroomCommand.RunAsync(ExerciseFile, port: 0, tables: 1, tablesGiven: false, data, cluster, clusterId, path, run._output, run._stop.Token);
            return run;
        }

        /// <summary>What it wrote, line by line.</summary>
        public string[] Lines => _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        /// <summary>Waits for its two lines of start and reads the teams' address and the codes from the first.</summary>
        public async Task<(Uri Address, string Join, string Facilitator)> StartedAsync()
        {
            await Task.WhenAny(_output.Started.Task, _run).Unwrap().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.False(_run.IsCompleted, $"the classroom ended at start: {_output}");
            var started = Line().Match(Lines[0]);
            Assert.True(started.Success, Lines[0]);
            return (new Uri(started.Groups["address"].Value), started.Groups["join"].Value, started.Groups["facilitator"].Value);
        }

        /// <summary>Stops it as Ctrl-C does, checks that it ended with exit code 0, and returns its lines.</summary>
        public async Task<string[]> StopAsync()
        {
            await _stop.CancelAsync();
            Assert.Equal(Summits.Cli.ExitCodes.Ok, await _run.WaitAsync(TimeSpan.FromMinutes(1)));
            _stop.Dispose();
            return Lines;
        }

        [GeneratedRegex(@"^summits classroom: north-korea-line at (?<address>http://127\.0\.0\.1:\d+/) for teams \(join codes: table 1 (?<join>[A-Z0-9]{6})\); facilitator at \S+ with the code (?<facilitator>[A-Z0-9]{20})$")]
        private static partial Regex Line();
    }

    /// <summary>The command's output, which tells when the classroom has said its two lines of start.</summary>
    private sealed class StartWatcher : StringWriter
    {
        private int _lines;

        /// <summary>Done when two lines have been written.</summary>
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task WriteLineAsync(string? value)
        {
            await base.WriteLineAsync(value);
            if (Interlocked.Increment(ref _lines) == 2)
                Started.TrySetResult();
        }
    }
}

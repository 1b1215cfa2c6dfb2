using System.Globalization;
using System.Text.RegularExpressions;
using StackExchange.Redis;
using Summits.Tests;

namespace Summits.Cluster.Tests;

/// <summary>
/// An attached run (<c>summits run --cluster</c> without <c>--detach</c>) whose client is killed with SIGKILL in the
/// middle of its run: its world is listed, said abandoned, ends a watch of it, and is retired like any other, leaving no
/// key in the Redis server.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class AbandonedWorldTests(ClusterFixture cluster)
{
    // 471 rounds of 18 actors' bargaining, written at every advance on this cluster: running for seconds.
    private static string Converge => SeedFiles.File("scenarios", "bench", "soe-18-converge.yaml");

    private Task<(int Exit, string Output, string Error)> Summits(params string[] arguments) =>
        SummitsProgram.RunAsync(cluster.Folder.FullName, arguments);

    [ClusterFact]
    public async Task AWorldWhoseAttachedClientIsKilledIsListedAbandonedAndRetiredWithNoKeyLeft()
    {
        await using var run = SummitsProgram.Start(cluster.Folder.FullName, ["run", Converge, "--engine", "grains", "--format", "json", .. cluster.Joined]);
        // Mid-run: the client has printed the events of some advances (one JSON line an event), and goes on.
        await run.WaitForLinesAsync(200, SummitsProgram.HangGuard);
        Assert.False(run.HasExited, $"the run ended before it was killed: {run.Error}");
        var pid = run.Id;
        using (var process = System.Diagnostics.Process.GetProcessById(pid))
            process.Kill();
        await run.WaitForExitAsync(SummitsProgram.HangGuard);

        // Its world is listed with the client that drove it (this machine's name, the killed process's id) until the
        // client has not advanced it for 10 s, when it is said abandoned; asked every second, never by a fixed wait.
        var client = $"summits run, process {pid.ToString(CultureInfo.InvariantCulture)} on {Environment.MachineName}";
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        string row;
        while (true)
        {
            var list = await Summits(["worlds", "list", .. cluster.Joined]);
            Assert.True(list.Exit == 0, list.Error);
            row = list.Output.Split('\n').Single(line => line.Contains($"({client})", StringComparison.Ordinal) || line.EndsWith($"attached to {client}", StringComparison.Ordinal));
            if (row.Contains("abandoned", StringComparison.Ordinal))
                break;
            Assert.EndsWith($"running, attached to {client}", row, StringComparison.Ordinal);
            Assert.True(DateTime.UtcNow < deadline, $"the world was not said abandoned within a minute: {row}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        // The row: the world's id (the scenario's world id, -run- and 12 hex digits), the scenario, not yet its one step
        // done, the silo it is active on, and why it is abandoned.
        var match = AbandonedRow().Match(row);
        Assert.True(match.Success, row);
        Assert.EndsWith($"abandoned: its client ({client}) has not advanced it for {match.Groups["quiet"].Value} s", row, StringComparison.Ordinal);
        Assert.True(int.Parse(match.Groups["quiet"].Value, CultureInfo.InvariantCulture) >= 10, row);
        var id = match.Groups["id"].Value;

        // A watch of the abandoned world prints its timeline so far; once 10 s pass with no event, it finds that no
        // client advances the world and ends with exit code 3, its progress line saying why as the list does. A watch
        // of such a world once waited for events until Ctrl-C.
        // Its progress line names the silo that holds it before the state that names its client, so that the silo is not
        // read as the client's.
        var shown = await Summits(["worlds", "show", id, "-q", .. cluster.Joined]);
        Assert.True(shown.Exit == 0, shown.Error);
        Assert.Matches($@"^step 0 of 1, on silo 127\.0\.0\.1:[0-9]+, abandoned: its client \({Regex.Escape(client)}\) has not advanced it for [0-9]+ s: [0-9]+ events, 0 expectations failed\n$",
            shown.Output);

        // A JSON watch, which prints the events alone, says why on standard error in one line.
        var (table, json) = (Summits(["worlds", "watch", id, .. cluster.Joined]), Summits(["worlds", "watch", id, "--format", "json", .. cluster.Joined]));
        var watch = await table;
        Assert.True(watch.Exit == 3, $"{watch.Exit}: {watch.Error}");
        Assert.Matches($@"^step 0 of 1, abandoned: its client \({Regex.Escape(client)}\) has not advanced it for [0-9]+ s: [0-9,]+ events, 0 expectations failed$",
            watch.Output.TrimEnd('\n').Split('\n')[^1]);
        var watchedJson = await json;
        Assert.True(watchedJson.Exit == 3, $"{watchedJson.Exit}: {watchedJson.Error}");
        Assert.Matches($@"^summits worlds watch: error: world '{id}' did not finish: abandoned: its client \({Regex.Escape(client)}\) has not advanced it for [0-9]+ s\n$",
            watchedJson.Error);

        using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{cluster.Redis.Port.ToString(CultureInfo.InvariantCulture)}");
        var server = redis.GetServer("127.0.0.1", cluster.Redis.Port);
        Assert.NotEmpty(server.Keys(pattern: $"*{id}*"));
        var retire = await Summits(["worlds", "retire", id, .. cluster.Joined]);
        Assert.Equal((0, $"retired world {id}\n", ""), retire);
        var after = await Summits(["worlds", "list", .. cluster.Joined]);
        Assert.True(after.Exit == 0, after.Error);
        Assert.DoesNotContain(id, after.Output, StringComparison.Ordinal);
        // Every key of it (its world, countries, topics and timeline pages) left the server; the registry holds it no more.
        Assert.Empty(server.Keys(pattern: $"*{id}*"));
    }

    [GeneratedRegex(@"^(?<id>soe-18-actors-run-[0-9a-f]{12}) +soe-18-converge +step 0 of 1 +127\.0\.0\.1:[0-9]+ +abandoned: .* for (?<quiet>[0-9]+) s$")]
    private static partial Regex AbandonedRow();
}

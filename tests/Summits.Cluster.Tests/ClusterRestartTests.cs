using Summits.Tests;

namespace Summits.Cluster.Tests;

/// <summary>
/// Every silo of a cluster stopped and fresh ones started on other ports against the same Redis server and cluster id,
/// and the Redis server stopped and started again in the middle of a run: on the cluster of the
/// <see cref="FaultCollection"/>.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ClusterRestartTests(ClusterFixture cluster)
{
    private static string Baseline => SeedFiles.File("scenarios", "what-if", "baseline.yaml");

    // 471 rounds of 18 actors' bargaining in grains, one advance a round: long enough for its Redis server to be
    // stopped and started again in the middle of it.
    private static string Converge => SeedFiles.File("scenarios", "bench", "soe-18-converge.yaml");

    // Seeds of the test's own, one a world.
    private static readonly string[] Seeds = ["15", "16"];

    // The files a world's show writes with -o, the ones a run writes.
    private static readonly string[] Files = ["timeline.jsonl", "state.json", "agreements.csv"];

    private string[] Joined => cluster.Joined;

    private Task<(int Exit, string Output, string Error)> Summits(params string[] arguments) =>
        SummitsProgram.RunAsync(cluster.Folder.FullName, arguments);

    /// <summary>Lists the cluster's detached worlds until every one of <paramref name="ids"/> has finished, and returns the listing.</summary>
    private async Task<string> ListUntilFinishedAsync(IReadOnlyList<string> ids)
    {
        var deadline = DateTime.UtcNow + SummitsProgram.HangGuard;
        while (true)
        {
            var list = await Summits(["worlds", "list", .. Joined]);
            Assert.True(list.Exit == 0, list.Error);
            var rows = ids.Select(id => list.Output.Split('\n').Single(line => line.StartsWith(id, StringComparison.Ordinal))).ToArray();
            if (rows.All(row => row.EndsWith("finished", StringComparison.Ordinal)))
                return list.Output;
            Assert.True(DateTime.UtcNow < deadline, $"the worlds had not finished within {SummitsProgram.HangGuard}: {list.Output}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Writes world <paramref name="id"/>'s files with <c>worlds show -o</c> into a new folder <paramref name="name"/>, and returns its path.</summary>
    private async Task<string> ShowAsync(string id, string name)
    {
        var shown = Path.Combine(cluster.Folder.FullName, "restart-" + name);
        var show = await Summits(["worlds", "show", id, "--format", "json", "-o", shown, .. Joined]);
        Assert.True(show.Exit == 0, show.Error);
        return shown;
    }

    /// <summary>The rows of <paramref name="listing"/> that begin with one of <paramref name="ids"/>, in its order.</summary>
    private static string[] Rows(string listing, IReadOnlyList<string> ids) =>
        [.. listing.Split('\n').Where(line => ids.Any(id => line.StartsWith(id + " ", StringComparison.Ordinal)))
            .Select(line => System.Text.RegularExpressions.Regex.Replace(line, " {2,}", "  "))];

    [ClusterFact]
    public async Task EveryWorldReadsBackUnchangedFromRedisAfterEverySiloIsReplaced()
    {
        var ids = new List<string>();
        foreach (var seed in Seeds)
        {
            var detached = await Summits(["run", Baseline, "--seed", seed, .. Joined, "--detach"]);
            Assert.True(detached.Exit == 0, detached.Error);
            ids.Add(detached.Output.TrimEnd('\n'));
        }
        var listed = await ListUntilFinishedAsync(ids);
        var before = new List<string>();
        foreach (var (id, seed) in ids.Zip(Seeds))
            before.Add(await ShowAsync(id, "before-" + seed));

        // Both silos stopped as a service manager stops them; each leaves the cluster in order and exits with code 0,
        // so that no silo that held a world is left.
        var stopped = cluster.Silos;
        var exits = await Task.WhenAll(stopped.Select(cluster.StopAsync));
        Assert.True(exits.All(exit => exit == 0), string.Join("\n", stopped.Select(s => s.Process.Error)));

        // Two fresh silo processes, on other ports, with nothing of the worlds in their memory: what they list and show
        // comes from the Redis server alone.
        await Task.WhenAll(cluster.StartSiloAsync(), cluster.StartSiloAsync());
        var relisted = await Summits(["worlds", "list", .. Joined]);
        Assert.True(relisted.Exit == 0, relisted.Error);
        // A finished world names no silo ('-'), so each world's row is the same, byte for byte, finished. (Only the rows
        // of its own worlds, their columns' padding aside: a world another test's attached run left, its client gone,
        // says for how long.)
        Assert.Equal(Rows(listed, ids), Rows(relisted.Output, ids));

        foreach (var ((id, seed), shownBefore) in ids.Zip(Seeds).Zip(before))
        {
            // What the world holds is what the pure model writes for the same scenario and seed, worked out by the
            // embedded run of the local engine, never by the cluster.
            var expected = Path.Combine(cluster.Folder.FullName, "restart-expected-" + seed);
            var local = await Summits("run", Baseline, "--seed", seed, "--engine", "local", "-q", "-o", expected);
            Assert.True(local.Exit == 0, local.Error);
            var after = await ShowAsync(id, "after-" + seed);
            foreach (var file in Files)
            {
                var bytes = await File.ReadAllBytesAsync(Path.Combine(expected, file));
                Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(shownBefore, file)));
                Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(after, file)));
            }
        }
    }

    [ClusterFact]
    public async Task ARunWhoseRedisServerRestartsLosesAndDoublesNoEvent()
    {
        // What the run writes when nothing stops: the pure model's files, written by the local engine, not the cluster.
        var expected = Path.Combine(cluster.Folder.FullName, "restart-expected");
        var local = await Summits("run", Converge, "--engine", "local", "-q", "-o", expected);
        Assert.True(local.Exit == 0, local.Error);
        var timeline = await File.ReadAllLinesAsync(Path.Combine(expected, "timeline.jsonl"));

        var detached = await Summits(["run", Converge, "--engine", "grains", .. Joined, "--detach"]);
        Assert.True(detached.Exit == 0, detached.Error);
        var id = detached.Output.TrimEnd('\n');
        var shown = await Summits(["worlds", "list", .. Joined]);
        Assert.True(shown.Exit == 0, shown.Error);
        Assert.EndsWith("running", shown.Output.Split('\n').Single(line => line.StartsWith(id, StringComparison.Ordinal)), StringComparison.Ordinal);

        // A watch of the run through the restart: the Redis server gone, then answering LOADING while it reads its
        // append-only file back, is a wait the watch says and outlasts, not its end (a watch once ended there, exit 3,
        // the run going on). Restarted once the watch has printed, so that it is connected and subscribed: a command
        // started while the server is down fails at its start, in one line.
        await using var watch = SummitsProgram.Start(cluster.Folder.FullName, ["worlds", "watch", id, "--format", "json", .. Joined]);
        await watch.WaitForLineAsync(line => line.StartsWith("{\"seq\":1,", StringComparison.Ordinal), SummitsProgram.HangGuard);

        // Down for 3 s in the middle of the run; what it acknowledged it wrote to its append-only file first.
        await cluster.Redis.RestartAsync(TimeSpan.FromSeconds(3));

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        string row;
        while (true)
        {
            var list = await Summits(["worlds", "list", .. Joined]);
            Assert.True(list.Exit is 0 or 3, list.Error);
            row = list.Exit == 0 ? list.Output.Split('\n').Single(line => line.StartsWith(id, StringComparison.Ordinal)) : "";
            if (!row.EndsWith("running", StringComparison.Ordinal) && row != "")
                break;
            Assert.True(DateTime.UtcNow < deadline, $"the run had not ended 3 minutes after its Redis server restarted: {list.Output}{list.Error}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var after = await ShowAsync(id, "after");
        var events = await File.ReadAllLinesAsync(Path.Combine(after, "timeline.jsonl"));
        // The watch printed what the world stored, every event once and in order, and ended as the run did: 0 when it
        // finished, 3 when it failed.
        var exit = await watch.WaitForExitAsync(SummitsProgram.HangGuard);
        Assert.True(exit == (row.EndsWith("finished", StringComparison.Ordinal) ? 0 : 3), watch.Error);
        Assert.Equal(string.Concat(events.Select(line => line + "\n")), watch.Output);
        if (row.EndsWith("finished", StringComparison.Ordinal))
        {
            Assert.Empty(WatchStatus.Others(id, watch.Error));
            foreach (var file in Files)
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(expected, file)), await File.ReadAllBytesAsync(Path.Combine(after, file)));
        }
        else
        {
            // A run that failed says so on its row, and its timeline is the uninterrupted run's first events, each once.
            Assert.Contains("failed at step", row, StringComparison.Ordinal);
            Assert.Equal(timeline.Take(events.Length), events);
        }
    }

    [ClusterFact]
    public async Task AnAttachedRunWhoseRedisServerRestartsCompletesOrFailsInOneLineWithNoEventLostOrDoubled()
    {
        // The events the run prints when nothing stops: the pure model's, printed by the local engine, not the cluster.
        var local = await Summits("run", Converge, "--engine", "local", "--format", "json");
        Assert.True(local.Exit == 0, local.Error);
        var timeline = local.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // A run seeds a world of its own in the Redis server (soe-18-actors-run-{12 hex digits}) and prints each advance's
        // events as the advance ends: the run is in its middle once it has printed its first event (a world key alone
        // could be another test's world, written late).
        await using var run = SummitsProgram.Start(cluster.Folder.FullName, ["run", Converge, "--engine", "grains", "--format", "json", .. Joined]);
        await run.WaitForLinesAsync(1, SummitsProgram.HangGuard);
        Assert.False(run.HasExited, "the run had ended before its Redis server stopped");

        // Down for 3 s in the middle of the run, the client attached to it throughout.
        await cluster.Redis.RestartAsync(TimeSpan.FromSeconds(3));
        var exit = await run.WaitForExitAsync(SummitsProgram.HangGuard);

        var printed = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (exit == 0)
        {
            // Completed: every event once, in order, the pure model's timeline line for line.
            Assert.Equal(timeline, printed);
        }
        else
        {
            // Failed: one line on standard error, and what it printed before is the pure model's first events, each once.
            Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
            Assert.StartsWith("summits run: error: ", run.Error, StringComparison.Ordinal);
            // A failure of the Redis server (a silo's storage that could not read or write the world) names the world and
            // the call it ended, says the cause in our words and what to do, and no exception's type or text.
            if (run.Error.Contains("Redis", StringComparison.Ordinal))
                Assert.Matches($@"^summits run: error: the run of world soe-18-actors-run-[0-9a-f]{{12}} failed at [a-z0-9 ]+: .*Redis.*; check that .*, then retry\n$", run.Error);
            Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
            Assert.Equal(timeline.Take(printed.Length), printed);
        }
    }
}

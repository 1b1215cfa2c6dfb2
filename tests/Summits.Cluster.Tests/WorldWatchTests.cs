using System.Text.RegularExpressions;
using Summits.Tests;

namespace Summits.Cluster.Tests;

/// <summary>
/// <c>summits worlds watch</c> on the fixture's cluster: a detached world's timeline pushed to the client as its grain
/// writes it, each event once, ending with the run.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class WorldWatchTests(ClusterFixture cluster)
{
    private static string Baseline => SeedFiles.File("scenarios", "what-if", "baseline.yaml");

    [GeneratedRegex("^abe-trump-2017-11-06-run-[0-9a-f]{12}\n$")]
    private static partial Regex DetachedId();

    private Task<(int Exit, string Output, string Error)> Summits(params string[] arguments) =>
        SummitsProgram.RunAsync(cluster.Folder.FullName, arguments);

    /// <summary>
    /// Starts soe-18-converge (471 rounds of 18 actors' bargaining, one advance a round) detached on the fixture's
    /// cluster with the grains engine and <paramref name="seed"/>, a seed of the calling test's own so that its world is
    /// none of the other tests'; the detached world's id.
    /// </summary>
    private async Task<string> DetachedConvergeAsync(string seed)
    {
        var converge = SeedFiles.File("scenarios", "bench", "soe-18-converge.yaml");
        var detached = await Summits(["run", converge, "--engine", "grains", "--seed", seed, .. cluster.Joined, "--detach"]);
        Assert.True(detached.Exit == 0, detached.Error);
        return detached.Output.TrimEnd('\n');
    }

    [ClusterFact]
    public async Task AWatchOfADetachedRunPrintsEveryEventOnceAndEndsWithTheRun()
    {
        // A seed of this test's own, so that its world is none of the other tests'.
        var detached = await Summits(["run", Baseline, "--seed", "23", .. cluster.Joined, "--detach"]);
        Assert.True(detached.Exit == 0, detached.Error);
        Assert.Matches(DetachedId(), detached.Output);
        var id = detached.Output.TrimEnd('\n');

        // Started as soon as the run is: the two watches subscribe while the world drives its run, or after it has
        // finished, and either way end when it has, with the whole timeline.
        var json = Summits(["worlds", "watch", id, "--format", "json", .. cluster.Joined]);
        var table = Summits(["worlds", "watch", id, .. cluster.Joined]);
        var (watched, tabled) = (await json, await table);
        Assert.True(watched.Exit == 0, watched.Error);
        // Nothing on standard error but what a watch says while it waits (a loaded machine may keep an advance over 10 s).
        Assert.Empty(WatchStatus.Others(id, watched.Error));
        Assert.True(tabled.Exit == 0, tabled.Error);

        // The finished world's timeline.jsonl, as 'worlds show -o' writes it from storage, is the watch's output byte for
        // byte: every event, in order, none twice (its "seq" numbers run 1, 2, 3… on its lines).
        var shown = Path.Combine(cluster.Folder.FullName, "watched-" + id);
        var show = await Summits(["worlds", "show", id, "-o", shown, .. cluster.Joined]);
        Assert.True(show.Exit == 0, show.Error);
        var timeline = await File.ReadAllTextAsync(Path.Combine(shown, "timeline.jsonl"));
        Assert.Equal(timeline, watched.Output);
        var lines = timeline.TrimEnd('\n').Split('\n');
        Assert.Equal(Enumerable.Range(1, lines.Length).Select(n => $"{{\"seq\":{n},"), lines.Select(line => line[..(line.IndexOf(',', StringComparison.Ordinal) + 1)]));

        // The table begins with the world, as 'worlds show' does, and ends with the progress line it prints for the
        // finished run: the baseline's six steps done, as many events as timeline.jsonl has lines, its five expectations passed.
        var rows = tabled.Output.TrimEnd('\n').Split('\n');
        Assert.Equal($"World {id}: scenario baseline on world abe-trump-2017-11-06, seed 23", rows[0]);
        Assert.Equal($"step 6 of 6, finished: {lines.Length} events, 0 expectations failed", rows[^1]);
        Assert.Equal(show.Output.Split('\n')[1], rows[^1]);
    }

    [ClusterFact]
    public async Task AWatchStoppedByTheUserEndsAsInterruptedNotAsASilence()
    {
        // Still running when the watch has printed its first events. A cancellation is what the watch asks again when
        // nobody asked for it; the user's is not asked again.
        var id = await DetachedConvergeAsync("29");
        await using (var watch = SummitsProgram.Start(cluster.Folder.FullName, ["worlds", "watch", id, "--format", "json", .. cluster.Joined]))
        {
            await watch.WaitForLineAsync(line => line.StartsWith("{\"seq\":1,", StringComparison.Ordinal), SummitsProgram.HangGuard);
            // SIGTERM, which the command line takes as it takes Ctrl-C (SIGINT): the interrupted exit, 130, and its line.
            await watch.TerminateAsync();
            Assert.Equal(130, await watch.WaitForExitAsync(TimeSpan.FromMinutes(1)));
            Assert.Equal(["summits worlds watch: stopped before it finished"], WatchStatus.Others(id, watch.Error));
        }
        // Running, it is held by a silo, which list names (the fixture's silos listen on 127.0.0.1); finished, by none.
        // It may finish at any moment: a show after the list that still sees it running names the same silo.
        var list = await Summits(["worlds", "list", .. cluster.Joined]);
        Assert.True(list.Exit == 0, list.Error);
        var row = Regex.Match(list.Output, $@"(?m)^{id} +soe-18-converge +step (?:0 of 1 +(?<silo>127\.0\.0\.1:\d+) +running|1 of 1 +- +finished)$");
        Assert.True(row.Success, list.Output);
        var show = await Summits(["worlds", "show", id, "-q", .. cluster.Joined]);
        Assert.True(show.Exit == 0, show.Error);
        if (row.Groups["silo"].Success && show.Output.Contains("running", StringComparison.Ordinal))
            Assert.StartsWith($"step 0 of 1, running on silo {row.Groups["silo"].Value}: ", show.Output, StringComparison.Ordinal);
        var retired = await Summits(["worlds", "retire", id, .. cluster.Joined]);
        Assert.True(retired.Exit == 0, retired.Error);
    }

    [ClusterFact]
    public async Task AFinishedWorldRetiredWhileAWatchReadsItEndsTheWatchWithTheRetiresLine()
    {
        // A finished world of 471 rounds (28,719 events), read by a watch one event a call (Summits:TimelinePage 1): the
        // watch is still reading when the world is retired after its first 100 lines. A watch of a finished world once
        // ended there with "has no scenario running (System.InvalidOperationException)": the world grain, retired,
        // refused the next page. It is the retire the docs name, in one line, exit code 3.
        var id = await DetachedConvergeAsync("31");
        var deadline = DateTime.UtcNow + SummitsProgram.HangGuard;
        while (!(await Summits(["worlds", "show", id, "-q", .. cluster.Joined])).Output.Contains("finished", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"world {id} did not finish");
            await Task.Delay(500);
        }
        await using var watch = SummitsProgram.Start(cluster.Folder.FullName, ["worlds", "watch", id, "--format", "json", .. cluster.Joined],
            new Dictionary<string, string> { ["Summits__TimelinePage"] = "1" });
        await watch.WaitForLinesAsync(100, SummitsProgram.HangGuard);
        var retired = await Summits(["worlds", "retire", id, .. cluster.Joined]);
        Assert.True(retired.Exit == 0, retired.Error);

        Assert.Equal(3, await watch.WaitForExitAsync(SummitsProgram.HangGuard));
        Assert.True(watch.OutputLines < 28_719, $"the watch printed all {watch.OutputLines} events before the retire");
        Assert.Equal([$"summits worlds watch: error: world '{id}' was retired while it was watched"], WatchStatus.Others(id, watch.Error));
    }

    [ClusterFact]
    public async Task AWatchOfAnUnknownWorldFailsInOneLine()
    {
        const string id = "abe-trump-2017-11-06-run-000000000000";
        var run = await Summits(["worlds", "watch", id, .. cluster.Joined]);
        // By hand: the command it suggests repeats the cluster options given, cluster.Joined: "--cluster
        // redis://127.0.0.1:PORT --cluster-id ID" (before, 'summits worlds list' alone asked the default cluster, 'summits').
        Assert.Equal((2, "", $"summits worlds watch: error: no world '{id}' on the cluster at {cluster.Redis.Address}; 'summits worlds list --cluster {cluster.Redis.Address} --cluster-id {cluster.Id}' lists them (see 'summits worlds watch --help')\n"), run);
    }
}

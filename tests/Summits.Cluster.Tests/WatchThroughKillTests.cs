using System.Globalization;
using Summits.Cli.Hosting;
using Summits.Grains;
using Summits.Hosting;
using Xunit.Abstractions;

namespace Summits.Cluster.Tests;

/// <summary>
/// <c>summits worlds watch</c> of a detached run whose silo is killed (SIGKILL) while it is watched, and of one started
/// the moment after: on the cluster of the <see cref="KillCollection"/>, whose silos write a run every 100 advances. A
/// watch once printed nothing for minutes there: a call of it that had reached the world's silo when the silo died was
/// never answered, and Orleans gives up on such a call only at its response timeout (120 s).
/// </summary>
[Collection(KillCollection.Name)]
public sealed class WatchThroughKillTests(KillClusterFixture cluster, ITestOutputHelper output)
{
    // 2,000 rounds of bargaining among the 7 actors of KTAB's 3-dimension table, which does not converge: 20 s or more
    // with the cluster's pause of 10 ms between advances (KillClusterFixture.DrivePause), so that the run is still going
    // when the first watch has printed its first event, however fast the machine (without the pause, 4,000 rounds were
    // over by then on an idle machine, the watch 450 events in).
    private const int Rounds = 2000;

    // Pages of 50 events for the watch started before the kill, so that it is still reading pages of the world, a call
    // on its way to the world's silo at almost any moment, when the kill lands.
    private static readonly Dictionary<string, string> SmallPages = new() { ["Summits__TimelinePage"] = "50" };

    /// <summary>
    /// The longest a watch may go without a line, on standard output or error: twice the time a watch takes at most to
    /// say what it waits for (its quiet wait, 10 s, then a renewal unanswered for its answer wait, 10 s), and as much
    /// again for the command's start on a loaded machine: 60 s, half of the 120 s a watch once spent silent.
    /// </summary>
    private static readonly TimeSpan LongestQuiet = TimeSpan.FromSeconds(60);

    private Task<(int Exit, string Output, string Error)> Summits(params string[] arguments) =>
        SummitsProgram.RunAsync(cluster.Folder.FullName, arguments);

    [ClusterFact]
    public async Task WatchesStartedBeforeAndJustAfterTheWorldsSiloIsKilledSayWhatTheyWaitForAndPrintEveryEventOnce()
    {
        var scenario = DetachedWorldKillTests.LongRun(cluster.Folder, "watched-kill", 11, Rounds);
        // What a watch prints when nothing dies: the pure model's timeline.jsonl, which a run in grains writes byte for byte.
        // A silo to spare, so that the cluster keeps as many silos as it began with, started meanwhile.
        var spare = cluster.StartSiloAsync();
        var expected = Path.Combine(cluster.Folder.FullName, "watched-kill-expected");
        var local = await Summits("run", scenario, "--engine", "local", "-q", "-o", expected);
        Assert.True(local.Exit == 0, local.Error);
        var timeline = await File.ReadAllTextAsync(Path.Combine(expected, "timeline.jsonl"));
        await spare;

        await using var client = await ClusterClient.StartAsync(
            new SummitsSettings(1, TimeSpan.FromSeconds(2), ClusterAddress.Read(cluster.Redis.Address, out _), cluster.Id), TelemetrySettings.None, "watch kill test");
        var detach = await Summits(["run", scenario, "--engine", "grains", .. cluster.Joined, "--detach"]);
        Assert.True(detach.Exit == 0, detach.Error);
        var id = detach.Output.TrimEnd('\n');
        var world = client.Grains.GetGrain<IWorldGrain>(id);

        await using var before = SummitsProgram.Start(cluster.Folder.FullName, ["worlds", "watch", id, "--format", "json", .. cluster.Joined], SmallPages);
        await before.WaitForLinesAsync(1, SummitsProgram.HangGuard);
        var progress = await DetachedWorldKillTests.AskAsync(world.Progress);
        var holder = await DetachedWorldKillTests.AskAsync(world.Silo);
        Assert.False(progress.Finished, $"the run had finished before its silo could be killed (the watch had printed {before.OutputLines} events)");
        var silo = cluster.Silos.Single(s => $"127.0.0.1:{s.SiloPort}" == holder);
        cluster.Kill(silo);
        await using var after = SummitsProgram.Start(cluster.Folder.FullName, ["worlds", "watch", id, "--format", "json", .. cluster.Joined]);
        output.WriteLine($"killed the silo at {holder} with the run at event {progress.Events} (advance {progress.Advances}) and the first watch at event {before.OutputLines}");

        foreach (var (name, watch) in (IEnumerable<(string, LeashedProcess)>)[("the watch started before the kill", before), ("the watch started after it", after)])
        {
            Assert.True(await watch.WaitForExitAsync(SummitsProgram.HangGuard) == 0, $"{name}: {watch.Error}");
            output.WriteLine($"{name} said:\n{watch.Error}and went at most {watch.LongestQuiet.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s without a line");
            // Every event once, in order: the uninterrupted run's timeline, though the world went back to its last
            // checkpoint on another silo and ran its advances since again.
            Assert.True(timeline == watch.Output, $"{name} printed another timeline than the uninterrupted run's");
            // On standard error, only what it waited for; and it never went long without a line.
            Assert.Empty(WatchStatus.Others(id, watch.Error));
            Assert.True(watch.LongestQuiet < LongestQuiet, $"{name} went {watch.LongestQuiet} without a line: {watch.Error}");
        }
        // The watch that was reading the world's pages when its silo died met the silence and said so.
        Assert.Matches(WatchStatus.Line(id), before.Error.Split('\n')[0]);

        var retired = await Summits(["worlds", "retire", id, .. cluster.Joined]);
        Assert.True(retired.Exit == 0, retired.Error);
    }
}

using System.Diagnostics;
using Summits.Cli.Hosting;
using Summits.Grains;
using Summits.Hosting;
using Xunit.Abstractions;

namespace Summits.Cluster.Tests;

/// <summary>
/// <c>Summits:DrivePause</c>: a detached run on the silos of the <see cref="KillCollection"/>, which pause
/// <see cref="KillClusterFixture.DrivePause"/> (10 ms) between two advances, keeps that pace.
/// </summary>
[Collection(KillCollection.Name)]
public sealed class DrivePauseTests(KillClusterFixture cluster, ITestOutputHelper output)
{
    // 200 rounds of the 7-actor bargaining, one advance each: about 0.1 s back to back on an idle machine.
    private const int Rounds = 200;

    [ClusterFact]
    public async Task ADetachedRunPausesBetweenItsAdvancesAsItsSiloIsConfigured()
    {
        await using var client = await ClusterClient.StartAsync(
            new SummitsSettings(1, TimeSpan.FromSeconds(10), ClusterAddress.Read(cluster.Redis.Address, out _), cluster.Id), TelemetrySettings.None, "pause test");
        var scenario = DetachedWorldKillTests.LongRun(cluster.Folder, "paused-run", 3, Rounds);
        var detach = await SummitsProgram.RunAsync(cluster.Folder.FullName, ["run", scenario, "--engine", "grains", .. cluster.Joined, "--detach"]);
        Assert.True(detach.Exit == 0, detach.Error);
        var world = client.Grains.GetGrain<IWorldGrain>(detach.Output.TrimEnd('\n'));

        var clock = Stopwatch.StartNew();
        var first = await world.Progress();
        var last = first;
        while (!last.Finished)
        {
            Assert.True(clock.Elapsed < SummitsProgram.HangGuard, $"the run had reached advance {last.Advances} of {Rounds} after {clock.Elapsed}");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
            last = await world.Progress();
        }
        var elapsed = clock.Elapsed;
        output.WriteLine($"advances {first.Advances} to {last.Advances} in {elapsed.TotalMilliseconds:0} ms");

        // Between the first answer (after advance a) and the end, advances a + 1 to 200 ran, with a whole pause of 10 ms
        // between each two of them: 199 - a pauses (the one after advance a, under way at the first answer, not counted).
        // A timer counts its due time against a millisecond clock and may fire up to a millisecond early, so each pause
        // is taken as 9 ms at least: with a = 20, at least 179 × 9 ms = 1.61 s, where the same advances back to back take
        // about 0.1 s on an idle machine. A first answer that came late leaves fewer pauses to count, never a false bound.
        Assert.Equal(Rounds, last.Advances);
        var pauses = Math.Max(0, Rounds - first.Advances - 1);
        var least = pauses * (KillClusterFixture.DrivePause - TimeSpan.FromMilliseconds(1));
        Assert.True(elapsed >= least, $"advances {first.Advances + 1} to {Rounds} took {elapsed}, less than {pauses} pauses of at least 9 ms, {least}");
    }
}

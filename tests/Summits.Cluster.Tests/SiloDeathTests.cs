using System.Globalization;
using Orleans.Runtime;
using Summits.Cli.Commands;
using Summits.Cli.Hosting;
using Summits.Hosting;
using Xunit.Abstractions;

namespace Summits.Cluster.Tests;

/// <summary>
/// A silo killed with SIGKILL is declared dead by the silos that live, through the cluster's membership in its Redis
/// server, as soon as the fixture's shortened timings (<see cref="ClusterFixture.Timings"/>) allow: on the cluster of the
/// <see cref="KillCollection"/>.
/// </summary>
[Collection(KillCollection.Name)]
public sealed class SiloDeathTests(KillClusterFixture cluster, ITestOutputHelper output)
{
    [ClusterFact]
    public async Task AKilledSiloIsDeclaredDeadByTheVoteOfASiloThatLivesWithinTheConfiguredProbes()
    {
        await using var client = await ClusterClient.StartAsync(
            new SummitsSettings(1, TimeSpan.FromSeconds(30), ClusterAddress.Read(cluster.Redis.Address, out _), cluster.Id), TelemetrySettings.None, "death test");
        var management = client.Grains.GetGrain<IManagementGrain>(0);
        var doomed = await cluster.StartSiloAsync();
        var living = cluster.Silos.Where(s => s != doomed).Select(s => s.SiloPort).ToHashSet();
        var killed = DateTime.UtcNow;
        cluster.Kill(doomed);

        // The membership as the cluster's Redis server holds it (the management grain reads the table afresh), until it
        // says the killed silo is dead. A call that meets the killed silo (the management grain active there, or the
        // client's gateway) is asked again.
        var guard = DateTime.UtcNow + SummitsProgram.HangGuard;
        MembershipEntry entry;
        while (true)
        {
            try
            {
                var hosts = await management.GetDetailedHosts(onlyActive: false);
                entry = hosts.Where(h => h.SiloAddress.Endpoint.Port == doomed.SiloPort).MaxBy(h => h.SiloAddress.Generation)!;
                Assert.True(entry is not null, $"the membership lists no silo at port {doomed.SiloPort}");
                if (entry.Status == SiloStatus.Dead)
                    break;
            }
            catch (Exception e) when (ClusterCallFailure.Passes(e, CancellationToken.None))
            {
            }
            Assert.True(DateTime.UtcNow < guard, $"the silo killed at port {doomed.SiloPort} was not declared dead within {SummitsProgram.HangGuard}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        // Declared dead by the liveness protocol, not by a silo that left: the entry carries the votes of the silos that
        // probed it, each a silo that lives (the one that declared the death adds itself as its last voter).
        var votes = entry.SuspectTimes ?? [];
        Assert.NotEmpty(votes);
        Assert.All(votes, vote => Assert.Contains(vote.Item1.Endpoint.Port, living));
        // The table's own time of the deciding vote, against the kill. The fixture's timings promise a vote within
        // MissedProbes × 4 × ProbeTimeout = 2 × 4 × 2 s = 16 s (ClusterTimings.VoteWithin), its voter having read the
        // membership at most MembershipRefresh = 2 s before: 18 s. Twice that, 36 s, is allowed, for the timers of a
        // loaded machine that fire late; Orleans' defaults promise 3 × 4 × 5 s + 60 s = 120 s.
        var promised = ClusterFixture.Timings.VoteWithin + ClusterFixture.Timings.MembershipRefresh;
        Assert.Equal(TimeSpan.FromSeconds(18), promised);
        var took = votes.Max(vote => vote.Item2) - killed;
        output.WriteLine($"the silo at 127.0.0.1:{doomed.SiloPort} was declared dead {took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s after its kill, by {votes.Count} vote(s)");
        Assert.True(took < 2 * promised, $"the silo was declared dead {took} after its kill; the fixture's timings promise {promised}");
    }
}

using System.Globalization;
using Summits.Cli.Commands;
using Summits.Cli.Hosting;
using Summits.Grains;
using Summits.Hosting;
using Summits.Tests;
using Xunit.Abstractions;

namespace Summits.Cluster.Tests;

/// <summary>
/// A detached run whose silo is killed (SIGKILL) at several points of it, and a watch of it: on the cluster of the
/// <see cref="KillCollection"/>, a silo started before the run for each one to be killed. The silos write at the
/// default checkpoint interval, every 100 advances.
/// </summary>
[Collection(KillCollection.Name)]
public sealed class DetachedWorldKillTests(KillClusterFixture cluster, ITestOutputHelper output)
{
    /// <summary>The environment variable that gives the seed the kill points are drawn from, to replay a run's kills.</summary>
    public const string SeedVariable = "SUMMITS_KILL_SEED";

    // How many times the run's silo is killed.
    private const int KillPoints = 3;

    // The rounds of the run, one advance each.
    private const int Rounds = 2000;

    // The silos' checkpoint interval, the default: no silo of the cluster sets Summits:CheckpointEvery.
    private const int Every = CheckpointOptions.DefaultEvery;

    /// <summary>
    /// A run long enough to be killed three times in its first half at the default interval: <see cref="Rounds"/> rounds
    /// of bargaining among the 7 actors of KTAB's 3-dimension table, which does not converge (a local run of 20,000
    /// rounds goes on to its last), so the run writes 20 checkpoints, one every 100 advances, and about 55,000 events,
    /// and lasts 2,000 × 10 ms = 20 s or more in the cluster's silos (<see cref="KillClusterFixture.DrivePause"/>).
    /// </summary>
    private string LongRun() => LongRun(cluster.Folder, "killed-run", 7, Rounds);

    /// <summary>
    /// Writes into <paramref name="folder"/> a scenario named <paramref name="name"/>: <paramref name="rounds"/> rounds of
    /// bargaining among the 7 actors of KTAB's 3-dimension table with seed <paramref name="seed"/>, one advance a round,
    /// which does not converge, so that every round is run.
    /// </summary>
    /// <returns>The scenario file's path.</returns>
    internal static string LongRun(DirectoryInfo folder, string name, int seed, int rounds)
    {
        var file = Path.Combine(folder.FullName, name + ".yaml");
        File.WriteAllText(file, $"""
            format: 2
            scenario: {name}
            world: {SeedFiles.File("scenarios", "worlds", "dummy-3dim.yaml")}
            seed: {seed}
            steps:
              - id: bargain
                rounds: {rounds}
            """);
        return file;
    }

    private string[] Joined => cluster.Joined;

    private Task<(int Exit, string Output, string Error)> Summits(params string[] arguments) =>
        SummitsProgram.RunAsync(cluster.Folder.FullName, arguments);

    /// <summary>
    /// The seed of this run's kill points: <see cref="SeedVariable"/> when it is set, so that a failure's kills can be
    /// drawn again, else a new one each run.
    /// </summary>
    private static int Seed() =>
        Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } given ? int.Parse(given, CultureInfo.InvariantCulture) : Random.Shared.Next();

    /// <summary>
    /// The events after which the run's silo is killed, drawn from <paramref name="seed"/>: the run's first half
    /// (<paramref name="events"/> its events) cut into <see cref="KillPoints"/> equal parts, one point drawn in each, so
    /// that each kill falls after the one before and a thousand advances or more before the run's end. The cluster's
    /// silos pause <see cref="KillClusterFixture.DrivePause"/> between two advances, so those thousand advances last 10 s
    /// or more however fast the machine: the test sees the run pass a point, and again after each kill, long before it
    /// could finish.
    /// </summary>
    private static int[] DrawKillPoints(int seed, int events)
    {
        var random = new Random(seed);
        var part = events / 2 / KillPoints;
        return [.. Enumerable.Range(0, KillPoints).Select(k => k * part + random.Next(1, part + 1))];
    }

    /// <summary>
    /// Makes <paramref name="call"/> until the cluster answers it: a call the cluster did not answer
    /// (<see cref="ClusterCallFailure.Passes"/>: its client's gateway or the world's silo just killed) is asked again after
    /// 50 ms, within the guard against a hang: soon enough that the test sees the run go on within moments of its
    /// resuming on another silo, a thousand advances or more before it could finish.
    /// </summary>
    internal static async Task<T> AskAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + SummitsProgram.HangGuard;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (ClusterCallFailure.Passes(e, CancellationToken.None) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    /// <summary>
    /// Asks the world how far its run has gone until it has written <paramref name="point"/> events or more (or has
    /// finished), every 10 ms: so that the kill lands within a call or two of the point, not a page of the watch later.
    /// </summary>
    private static async Task<WorldProgress> PassedAsync(IWorldGrain world, int point, string replay)
    {
        var deadline = DateTime.UtcNow + SummitsProgram.HangGuard;
        while (true)
        {
            var progress = await AskAsync(world.Progress);
            if (progress.Events >= point || progress.Finished)
                return progress;
            Assert.True(DateTime.UtcNow < deadline, $"the run had written {progress.Events} events, short of its kill point {point}, after {SummitsProgram.HangGuard}; {replay}");
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    [ClusterFact]
    public async Task ARunWhoseSiloIsKilledAtSeveralPointsCompletesOnTheOtherSiloWithEveryEventOnce()
    {
        // What the run writes when nothing dies: the pure model's files, which a run in grains writes byte for byte.
        var expected = Path.Combine(cluster.Folder.FullName, "killed-expected");
        var scenario = LongRun();
        var local = await Summits("run", scenario, "--engine", "local", "-q", "-o", expected);
        Assert.True(local.Exit == 0, local.Error);
        var timeline = await File.ReadAllTextAsync(Path.Combine(expected, "timeline.jsonl"));
        var events = timeline.Count(c => c == '\n');

        var seed = Seed();
        var points = DrawKillPoints(seed, events);
        var replay = $"kill points {string.Join(", ", points)} of {events} events, drawn from seed {seed} ({SeedVariable}={seed} draws them again)";
        output.WriteLine(replay);

        // A client of the test's own, started before the run, to ask the world how far it has gone and where it is
        // active the moment a kill point is passed. Its calls give up after 2 s, not a command's 120: a call caught by
        // a kill (its gateway's or the world's silo) is asked again at once, not after the run has gone on for long.
        await using var client = await ClusterClient.StartAsync(
            new SummitsSettings(1, TimeSpan.FromSeconds(2), ClusterAddress.Read(cluster.Redis.Address, out _), cluster.Id), TelemetrySettings.None, "kill test");
        // A silo for each kill to come, started before the run: the cluster's silos outnumber the kills, so that each
        // leaves silos that live and the test asks the world again at once, not after a silo's start of several seconds
        // in which the resumed run could go on to its end. The cluster ends with as many silos as it began with.
        await Task.WhenAll(Enumerable.Range(0, KillPoints).Select(_ => cluster.StartSiloAsync()));
        var detach = await Summits(["run", scenario, "--engine", "grains", .. Joined, "--detach"]);
        Assert.True(detach.Exit == 0, detach.Error);
        var id = detach.Output.TrimEnd('\n');
        var world = client.Grains.GetGrain<IWorldGrain>(id);

        foreach (var point in points)
        {
            // After the first kill the run waits for its reminder (within a minute of the cluster's noticing the death)
            // to resume it on a silo that lives, from its last checkpoint; then it passes the point.
            var progress = await PassedAsync(world, point, replay);
            var holder = int.Parse((await AskAsync(world.Silo)).Split(':')[1], CultureInfo.InvariantCulture);
            Assert.False(progress.Finished, $"the run had finished before its kill after event {point}; {replay}");
            var silo = cluster.Silos.SingleOrDefault(s => s.SiloPort == holder);
            Assert.True(silo is not null, $"world {id} is active on 127.0.0.1:{holder}, no silo of the cluster's that lives; {replay}");
            cluster.Kill(silo);

            // The world answers again from a silo that lives, in an activation that read its run from storage: from the
            // checkpoint the run had written before the kill. Having completed A advances, it had written the one after
            // advance 100 · ⌊A / 100⌋ (the world's checkpoint write ends the advance it closes, before any call is
            // answered), and perhaps a later one before the kill landed, never an earlier one; and it is the checkpoint,
            // not the run from its start, that the new activation goes on from.
            var checkpoint = progress.Advances / Every * Every;
            var resumed = await AskAsync(world.Progress);
            var now = await AskAsync(world.Silo);
            Assert.True(now != $"127.0.0.1:{holder}", $"world {id} still answers from the killed silo at 127.0.0.1:{holder}; {replay}");
            Assert.True(resumed.Advances >= checkpoint,
                $"after its kill in advance {progress.Advances} the world answered from {now} at advance {resumed.Advances}, before its checkpoint at {checkpoint}; {replay}");
            output.WriteLine($"killed the silo at 127.0.0.1:{holder} at kill point {point}, the run having written {progress.Events} events in {progress.Advances} advances; it answered again from {now} at advance {resumed.Advances} (its checkpoint before the kill: {checkpoint})");
        }

        // The run goes on from its last checkpoint to its end.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            // Until the cluster has declared the killed silo dead, a call to a grain that was active on it fails (exit 3,
            // one line), and is made again.
            var list = await Summits(["worlds", "list", .. Joined]);
            Assert.True(list.Exit is 0 or 3, list.Error);
            if (list.Exit == 0 && list.Output.Split('\n').Single(l => l.StartsWith(id, StringComparison.Ordinal)).EndsWith("finished", StringComparison.Ordinal))
                break;
            Assert.True(DateTime.UtcNow < deadline, $"the run had not finished 3 minutes after its silo was last killed: {list.Output}; {replay}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var shown = Path.Combine(cluster.Folder.FullName, "killed-shown");
        var written = await Summits(["worlds", "show", id, "--format", "json", "-o", shown, .. Joined]);
        Assert.True(written.Exit == 0, written.Error);
        // Every event once, in order, numbered 1 to n: the same bytes as the run nothing interrupted.
        foreach (var file in (string[])["timeline.jsonl", "state.json", "agreements.csv"])
        {
            var (want, got) = (await File.ReadAllBytesAsync(Path.Combine(expected, file)), await File.ReadAllBytesAsync(Path.Combine(shown, file)));
            Assert.True(want.AsSpan().SequenceEqual(got), $"{file} differs from the uninterrupted run's; {replay}");
        }

        // A watch of the world, whose run was taken up again from a checkpoint after each kill, prints the same timeline,
        // each event once, and ends with the run.
        await using var watch = SummitsProgram.Start(cluster.Folder.FullName, ["worlds", "watch", id, "--format", "json", .. Joined]);
        Assert.True(await watch.WaitForExitAsync(TimeSpan.FromMinutes(1)) == 0, watch.Error);
        Assert.True(timeline == watch.Output, $"the watch printed another timeline than the uninterrupted run's; {replay}");
        // What it said on standard error, if anything, is what it waited for: every call that met a dying silo (or a
        // stop cut short at its end) was asked again, none ended the watch.
        Assert.Empty(WatchStatus.Others(id, watch.Error));
    }
}

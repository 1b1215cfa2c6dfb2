using System.Globalization;
using System.Text.RegularExpressions;
using Summits.Cli.Commands;
using Summits.Cli.Hosting;
using Summits.Grains;
using Summits.Hosting;
using Summits.Tests;
using Xunit.Abstractions;

namespace Summits.Cluster.Tests;

/// <summary>
/// A detached run whose silo is killed (SIGKILL) at several points of it, and a watch of it: on the cluster of the
/// <see cref="KillCollection"/>, a fresh silo started for each one killed.
/// </summary>
[Collection(KillCollection.Name)]
public sealed class DetachedWorldKillTests(ClusterFixture cluster, ITestOutputHelper output)
{
    /// <summary>The environment variable that gives the seed the kill points are drawn from, to replay a run's kills.</summary>
    public const string SeedVariable = "SUMMITS_KILL_SEED";

    // How many times the run's silo is killed.
    private const int KillPoints = 3;

    // 471 rounds of 18 actors' bargaining in grains, one advance a round: long enough to be killed in the middle.
    private static string Converge => SeedFiles.File("scenarios", "bench", "soe-18-converge.yaml");

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
    /// The events after which the run's silo is killed, drawn from <paramref name="seed"/>: the run's first three quarters
    /// (<paramref name="events"/> its events) cut into <see cref="KillPoints"/> equal parts, one point drawn in each, so
    /// that each kill falls in the middle of the run and after the one before.
    /// </summary>
    private static int[] DrawKillPoints(int seed, int events)
    {
        var random = new Random(seed);
        var part = events * 3 / 4 / KillPoints;
        return [.. Enumerable.Range(0, KillPoints).Select(k => k * part + random.Next(1, part + 1))];
    }

    /// <summary>
    /// Makes <paramref name="call"/> until the cluster answers it: a call the cluster did not answer
    /// (<see cref="WorldPatience.Unanswered"/>: its client's gateway or the world's silo just killed) is asked again after
    /// a second, within the guard against a hang.
    /// </summary>
    private static async Task<T> AskAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + SummitsProgram.HangGuard;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (WorldPatience.Unanswered(e, CancellationToken.None) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(WorldPatience.Pause);
            }
        }
    }

    [ClusterFact]
    public async Task ARunWhoseSiloIsKilledAtSeveralPointsCompletesOnTheOtherSiloWithEveryEventOnce()
    {
        // What the run writes when nothing dies: the pure model's files, which a run in grains writes byte for byte.
        var expected = Path.Combine(cluster.Folder.FullName, "killed-expected");
        var local = await Summits("run", Converge, "--engine", "local", "-q", "-o", expected);
        Assert.True(local.Exit == 0, local.Error);
        var timeline = await File.ReadAllTextAsync(Path.Combine(expected, "timeline.jsonl"));
        var events = timeline.Count(c => c == '\n');

        var seed = Seed();
        var points = DrawKillPoints(seed, events);
        var replay = $"kill points {string.Join(", ", points)} of {events} events, drawn from seed {seed} ({SeedVariable}={seed} draws them again)";
        output.WriteLine(replay);

        var detach = await Summits(["run", Converge, "--engine", "grains", .. Joined, "--detach"]);
        Assert.True(detach.Exit == 0, detach.Error);
        var id = detach.Output.TrimEnd('\n');
        // Watched from the start, through every kill: the watch follows the world to each new activation, and prints
        // events in order, each once, so that its lines count the events the run has written.
        await using var watch = SummitsProgram.Start(cluster.Folder.FullName, ["worlds", "watch", id, "--format", "json", .. Joined]);
        // A client of the test's own, to ask the world where it is active the moment a kill point is passed.
        await using var client = await ClusterClient.StartAsync(
            new SummitsSettings(1, TimeSpan.FromSeconds(30), ClusterAddress.Read(cluster.Redis.Address, out _), cluster.Id), TelemetrySettings.None, "kill test");
        var world = client.Grains.GetGrain<IWorldGrain>(id);

        foreach (var point in points)
        {
            // After the first kill the run waits for its reminder (within a minute of the cluster's noticing the death)
            // to resume it on a silo that lives, from its last checkpoint; then it passes the point.
            var seen = await watch.WaitForLinesAsync(point, SummitsProgram.HangGuard);
            var holder = int.Parse((await AskAsync(world.Silo)).Split(':')[1], CultureInfo.InvariantCulture);
            var progress = await AskAsync(world.Progress);
            Assert.False(progress.Finished, $"the run had finished before its kill after event {point}; {replay}");
            var silo = cluster.Silos.SingleOrDefault(s => s.SiloPort == holder);
            Assert.True(silo is not null, $"world {id} is active on 127.0.0.1:{holder}, no silo of the cluster's that lives; {replay}");
            cluster.Kill(silo);
            output.WriteLine($"killed the silo at 127.0.0.1:{holder} once the watch had printed {seen} events (kill point {point}), the run in its advance {progress.Advances}");
            // A fresh silo takes the killed one's place, so that the next kill leaves one that lives.
            await cluster.StartSiloAsync();
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

        // The watch printed the same timeline, each event once, though each activation it subscribed to died with its
        // silo and the run went on in another, and it ended with the run.
        Assert.True(await watch.WaitForExitAsync(TimeSpan.FromMinutes(1)) == 0, watch.Error);
        Assert.True(timeline == watch.Output, $"the watch printed another timeline than the uninterrupted run's; {replay}");
        // What it said on standard error, if anything, is that the world did not answer and answered again: every call
        // that met a dying silo (or a stop cut short at its end) was asked again, none ended the watch.
        var silence = new Regex($"^summits worlds watch: world {id} (does not answer \\(.+\\); trying again|answers again)$");
        Assert.All(watch.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches(silence, line));
    }
}

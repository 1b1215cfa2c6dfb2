using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Summits.Tests;

namespace Summits.Cluster.Tests;

/// <summary>
/// A detached run whose silo is killed (SIGKILL) in the middle of it, and a watch of it: on a cluster of its own, a Redis server and two
/// silo processes, so that the silos the other cluster tests share stay up.
/// </summary>
public sealed partial class DetachedWorldKillTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("summits-kill-");
    private readonly List<LeashedProcess> _silos = [];
    private readonly List<int> _siloPorts = [];
    private readonly string _id = ClusterFixture.UniqueId();
    private RedisServer _redis = null!;

    // 471 rounds of 18 actors' bargaining in grains, one advance a round: long enough to be killed in the middle.
    private static string Converge => SeedFiles.File("scenarios", "bench", "soe-18-converge.yaml");

    [GeneratedRegex(@"^step \d+ of \d+, running on silo 127\.0\.0\.1:(\d+): (\d+) events?, ")]
    private static partial Regex Running();

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        var ports = new HashSet<int>();
        while (ports.Count < 4)
            ports.Add(RedisServer.FreePort());
        _siloPorts.AddRange(ports.Take(2));
        var gateways = ports.Skip(2).ToArray();
        _silos.AddRange(_siloPorts.Select((port, i) => SummitsProgram.Start(_folder.FullName, ["silo", "--cluster", _redis.Address, "--cluster-id", _id, "--address", "127.0.0.1",
            "--silo-port", port.ToString(CultureInfo.InvariantCulture), "--gateway-port", gateways[i].ToString(CultureInfo.InvariantCulture)])));
        await Task.WhenAll(_silos.Select(s => s.WaitForLineAsync(line => line.StartsWith("summits silo: listening", StringComparison.Ordinal), SummitsProgram.HangGuard)));
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
            await silo.DisposeAsync();
        await _redis.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private Task<(int Exit, string Output, string Error)> Summits(params string[] arguments) =>
        SummitsProgram.RunAsync(_folder.FullName, arguments);

    [Fact]
    public async Task ARunWhoseSiloIsKilledCompletesOnTheOtherSiloWithEveryEventOnce()
    {
        // What the run writes when nothing dies: the pure model's files, which a run in grains writes byte for byte.
        var expected = Path.Combine(_folder.FullName, "expected");
        var local = await Summits("run", Converge, "--engine", "local", "-q", "-o", expected);
        Assert.True(local.Exit == 0, local.Error);

        var detach = await Summits("run", Converge, "--engine", "grains", "--cluster", _redis.Address, "--cluster-id", _id, "--detach");
        Assert.True(detach.Exit == 0, detach.Error);
        var id = detach.Output.TrimEnd('\n');
        // Watched from the start, through the kill: the watch follows the world to its new activation.
        await using var watch = SummitsProgram.Start(_folder.FullName, ["worlds", "watch", id, "--format", "json", "--cluster", _redis.Address, "--cluster-id", _id]);

        // The kill point, drawn from a seed of the test's own: 0 to 2 s after the run was seen running.
        await Task.Delay(TimeSpan.FromMilliseconds(new Random(15).Next(0, 2000)));
        var show = await Summits("worlds", "show", id, "--format", "table", "--cluster", _redis.Address, "--cluster-id", _id);
        Assert.True(show.Exit == 0, show.Error);
        var running = Running().Match(show.Output.Split('\n')[1]);
        Assert.True(running.Success, $"the run was not seen running: {show.Output.Split('\n')[1]}");
        var expectedEvents = (await File.ReadAllLinesAsync(Path.Combine(expected, "timeline.jsonl"))).Length;
        Assert.True(int.Parse(running.Groups[2].Value, CultureInfo.InvariantCulture) < expectedEvents, "the run had finished before the kill");
        var holder = _siloPorts.IndexOf(int.Parse(running.Groups[1].Value, CultureInfo.InvariantCulture));
        using (var killed = Process.GetProcessById(_silos[holder].Id))
            killed.Kill();

        // The reminder brings the world back on the other silo (within a minute of the cluster's noticing the death)
        // and the run goes on from its last checkpoint to its end.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            // Until the cluster has declared the killed silo dead, a call to a grain that was active on it fails (exit 3,
            // one line), and is made again.
            var list = await Summits("worlds", "list", "--cluster", _redis.Address, "--cluster-id", _id);
            Assert.True(list.Exit is 0 or 3, list.Error);
            if (list.Exit == 0 && list.Output.Split('\n').Single(l => l.StartsWith(id, StringComparison.Ordinal)).EndsWith("finished", StringComparison.Ordinal))
                break;
            Assert.True(DateTime.UtcNow < deadline, $"the run had not finished 3 minutes after its silo was killed: {list.Output}");
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        var shown = Path.Combine(_folder.FullName, "shown");
        var written = await Summits("worlds", "show", id, "--format", "json", "-o", shown, "--cluster", _redis.Address, "--cluster-id", _id);
        Assert.True(written.Exit == 0, written.Error);
        // Every event once, in order, numbered 1 to n: the same bytes as the run nothing interrupted.
        foreach (var file in (string[])["timeline.jsonl", "state.json", "agreements.csv"])
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(expected, file)), await File.ReadAllBytesAsync(Path.Combine(shown, file)));

        // The watch printed the same timeline, each event once, though the world's activation it subscribed to died with
        // its silo and the run went on in another, and it ended with the run.
        Assert.True(await watch.WaitForExitAsync(TimeSpan.FromMinutes(1)) == 0, watch.Error);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(expected, "timeline.jsonl")), watch.Output);
        // What it said on standard error, if anything, is that the world did not answer and answered again: every call
        // that met the dying silo (or a stop cut short at its end) was asked again, none ended the watch.
        var silence = new Regex($"^summits worlds watch: world {id} (does not answer \\(.+\\); trying again|answers again)$");
        Assert.All(watch.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches(silence, line));
    }
}

using System.Diagnostics;
using System.Globalization;
using Summits.Hosting;

namespace Summits.Cluster.Tests;

/// <summary>
/// One cluster for the tests of a collection: a <see cref="RedisServer"/>, and two silos joined to it through
/// <c>summits silo --cluster</c> on 127.0.0.1 at ports free when they start, under a cluster id of its own, the first
/// serving the Orleans Dashboard (<c>--dashboard</c>) at <see cref="DashboardPort"/>. Also a second Redis server that no
/// silo has joined. A test may kill, stop and start silos of the cluster (<see cref="Kill"/>, <see cref="StopAsync"/>,
/// <see cref="StartSiloAsync"/>). Both servers and every silo end with the fixture, or with the test process.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    // Every silo process started, alive or not, so that each is ended with the fixture.
    private readonly List<LeashedProcess> _started = [];
    // The silos alive, in the order they joined.
    private readonly List<FixtureSilo> _silos = [];

    /// <summary>The cluster's id, its own among the test runs that share a machine: <c>test-</c> and 12 hex digits.</summary>
    public string Id { get; } = UniqueId();

    /// <summary>The options that make a command join or call this cluster: <c>--cluster ADDRESS --cluster-id ID</c>.</summary>
    public string[] Joined => ["--cluster", Redis.Address, "--cluster-id", Id];

    /// <summary>
    /// The timings every silo of the fixture runs with, given as a deployment gives them, in its environment
    /// (<see cref="TimingsEnvironment"/>): probes of 2 s, 2 missed before a vote, one vote enough, the membership read
    /// every 2 s and a detached world's reminder every 5 s, so that a killed silo is declared dead within
    /// 2 × 4 × 2 s = 16 s (<see cref="ClusterTimings.VoteWithin"/>) rather than Orleans' 3 × 4 × 5 s = 60 s, and its worlds
    /// resume within 5 s of that rather than a minute.
    /// </summary>
    public static ClusterTimings Timings { get; } = new(TimeSpan.FromSeconds(2), 2, 1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));

    /// <summary><see cref="Timings"/> as the environment variables a silo reads them from.</summary>
    public static IReadOnlyDictionary<string, string> TimingsEnvironment { get; } = new Dictionary<string, string>
    {
        ["Summits__ProbeTimeout"] = Seconds(Timings.ProbeTimeout),
        ["Summits__MissedProbes"] = Timings.MissedProbes.ToString(CultureInfo.InvariantCulture),
        ["Summits__DeathVotes"] = Timings.DeathVotes.ToString(CultureInfo.InvariantCulture),
        ["Summits__MembershipRefresh"] = Seconds(Timings.MembershipRefresh),
        ["Summits__DrivePeriod"] = Seconds(Timings.DrivePeriod),
    };

    private static string Seconds(TimeSpan span) => ((int)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// What every silo of the fixture is started with: <see cref="TimingsEnvironment"/>, and a world's run written at every
    /// advance (<c>Summits:CheckpointEvery</c> 1) rather than every 100th, so that the 18-actor run (471 advances) lasts
    /// seconds even on an idle machine, long enough for a test to list it as running, stop its Redis server or stop a
    /// watch in its middle. <see cref="KillClusterFixture"/> keeps the default interval, the one a run is resumed from.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string> SiloEnvironment { get; } =
        new Dictionary<string, string>(TimingsEnvironment) { ["Summits__CheckpointEvery"] = "1" };

    /// <summary>A cluster id no other cluster of the tests takes.</summary>
    public static string UniqueId() => "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The Redis server the silos joined.</summary>
    public RedisServer Redis { get; private set; } = null!;

    /// <summary>A Redis server of a cluster with no silo.</summary>
    public RedisServer Empty { get; private set; } = null!;

    /// <summary>The port, on 127.0.0.1, the first silo serves the Orleans Dashboard at.</summary>
    public int DashboardPort { get; private set; }

    /// <summary>The silo that serves the Orleans Dashboard at <see cref="DashboardPort"/>.</summary>
    public FixtureSilo Dashboard { get; private set; } = null!;

    /// <summary>The cluster's silos alive now, in the order they joined.</summary>
    public IReadOnlyList<FixtureSilo> Silos
    {
        get
        {
            lock (_silos)
                return [.. _silos];
        }
    }

    /// <summary>A folder the commands run in, deleted with the fixture.</summary>
    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("summits-cluster-");

    public async Task InitializeAsync()
    {
        // Without a redis-server outside CI every test of the collection is skipped (ClusterFactAttribute): nothing to start.
        if (RedisServer.SkipReason() is not null)
            return;
        Redis = await RedisServer.StartAsync();
        Empty = await RedisServer.StartAsync();
        DashboardPort = RedisServer.FreePort();
        // Both start at once: a silo's start is most of the fixture's time.
        var dashboard = StartSiloAsync("--dashboard", DashboardPort.ToString(CultureInfo.InvariantCulture));
        await Task.WhenAll(dashboard, StartSiloAsync());
        Dashboard = await dashboard;
    }

    /// <summary>
    /// Starts a silo of the cluster on ports free now, with <paramref name="options"/> besides and <see cref="Timings"/>,
    /// and waits until it has joined.
    /// </summary>
    /// <returns>The silo, among <see cref="Silos"/> from then on.</returns>
    /// <exception cref="TimeoutException">When it did not say it listens within <see cref="SummitsProgram.HangGuard"/>.</exception>
    public async Task<FixtureSilo> StartSiloAsync(params string[] options)
    {
        // LoopbackPort never gives one process the same port twice, so two silos started at once draw different ones.
        int[] ports = [RedisServer.FreePort(), RedisServer.FreePort()];
        var process = SummitsProgram.Start(Folder.FullName, ["silo", .. Joined, "--address", "127.0.0.1",
            "--silo-port", ports[0].ToString(CultureInfo.InvariantCulture), "--gateway-port", ports[1].ToString(CultureInfo.InvariantCulture), .. options],
            SiloEnvironment);
        lock (_started)
            _started.Add(process);
        var listening = await process.WaitForLineAsync(line => line.StartsWith("summits silo: listening", StringComparison.Ordinal), SummitsProgram.HangGuard);
        var silo = new FixtureSilo(ports[0], ports[1], listening, process);
        lock (_silos)
            _silos.Add(silo);
        return silo;
    }

    /// <summary>Kills <paramref name="silo"/> with SIGKILL, as a crash ends it: it neither hands its grains over nor leaves the cluster.</summary>
    public void Kill(FixtureSilo silo)
    {
        lock (_silos)
            _silos.Remove(silo);
        using var process = Process.GetProcessById(silo.ProcessId);
        process.Kill();
    }

    /// <summary>Stops <paramref name="silo"/> with SIGTERM, as a service manager does, and waits for it to end.</summary>
    /// <returns>Its exit code.</returns>
    /// <exception cref="TimeoutException">When it did not end within <see cref="SummitsProgram.HangGuard"/>.</exception>
    public async Task<int> StopAsync(FixtureSilo silo)
    {
        lock (_silos)
            _silos.Remove(silo);
        await silo.Process.TerminateAsync();
        return await silo.Process.WaitForExitAsync(SummitsProgram.HangGuard);
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _started)
            await silo.DisposeAsync();
        if (Redis is not null)
            await Redis.DisposeAsync();
        if (Empty is not null)
            await Empty.DisposeAsync();
        Folder.Delete(recursive: true);
    }
}

/// <summary>A silo of <see cref="ClusterFixture"/>.</summary>
/// <param name="SiloPort">Its port for silos, on 127.0.0.1.</param>
/// <param name="GatewayPort">Its port for clients, on 127.0.0.1.</param>
/// <param name="Listening">The line it wrote once it had joined, saying where it listens.</param>
/// <param name="Process">Its process.</param>
public sealed record FixtureSilo(int SiloPort, int GatewayPort, string Listening, LeashedProcess Process)
{
    /// <summary>The id of its process.</summary>
    public int ProcessId => Process.Id;
}

/// <summary>The tests that share one <see cref="ClusterFixture"/> and leave its silos running.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>
/// The tests that stop or replace the silos of a <see cref="ClusterFixture"/>, or restart its Redis server: one cluster of
/// their own, so that the silos and the server the other cluster tests share stay up. Each test leaves two silos running.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster faults";
}

/// <summary>
/// The tests that kill silos of a <see cref="ClusterFixture"/>: a cluster of its own, whose seconds of waiting for a killed
/// silo to be declared dead and for a reminder to resume the run after each kill pass while the other collections' tests run.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KillCollection : ICollectionFixture<KillClusterFixture>
{
    public const string Name = "cluster kills";
}

/// <summary>
/// The cluster of <see cref="KillCollection"/>: its silos write a world's run at the default interval, every 100th
/// advance (no <c>Summits:CheckpointEvery</c> set), so that a killed silo's run resumes from a checkpoint as a user's does;
/// and a detached run pauses <see cref="DrivePause"/> between two advances (<c>Summits:DrivePause</c>), so that its pace
/// is the tests' to know, not the machine's.
/// </summary>
public sealed class KillClusterFixture : ClusterFixture
{
    /// <summary>
    /// The pause of a detached run between two advances on this cluster's silos: 10 ms, against about half a millisecond an
    /// advance of the 7-actor bargaining runs takes (300 advances in 156 ms after the detach, 5 December 2026, on this
    /// 2-core machine). A run of 2,000 advances lasts 20 s or more, however fast the machine; without the pause it was over
    /// in about a second, sooner than a killed silo's world answered again.
    /// </summary>
    public static TimeSpan DrivePause { get; } = TimeSpan.FromMilliseconds(10);

    protected override IReadOnlyDictionary<string, string> SiloEnvironment { get; } =
        new Dictionary<string, string>(TimingsEnvironment) { ["Summits__DrivePause"] = ((int)DrivePause.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) };
}

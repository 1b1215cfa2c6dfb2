using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Storage;
using StackExchange.Redis;
using Summits.Grains;

namespace Summits.Hosting;

/// <summary>
/// The one place that configures a silo or a client for Summits: the command line's embedded silo, every
/// test cluster, the <c>summits silo</c> command and every later host call these, so that their configuration cannot
/// drift apart. With a cluster (<see cref="SummitsSettings.Cluster"/>) they also join it: membership and grain state in
/// its Redis server, under its cluster id (<see cref="SummitsSettings.ClusterId"/>), which is its service id as well, so
/// that clusters of different ids on one Redis server share neither membership nor grain state nor reminders. Without one, clustering stays with the
/// caller, and state lives in the silo's memory. Which ports a silo listens on stays with the caller either way.
/// </summary>
public static class SummitsHosting
{
    /// <summary>The name the memory storage is registered under when <see cref="SummitsSiloOptions.WrapStorage"/> wraps it.</summary>
    private const string InnerStorage = StorageNames.Summits + "-inner";

    /// <summary>
    /// How many times a client of a cluster tries to reach a silo before its start fails: 4, the second try 1 s after
    /// the first, the third 2 s after the second, the fourth 3 s after the third (6 s of waiting). A cluster whose
    /// membership lists no gateway at all (no silo of its id has joined) is not tried again: its start fails at once.
    /// </summary>
    public const int ConnectionTries = 4;

    /// <summary>
    /// Adds what the Summits grains need to a silo: the named grain storage <see cref="StorageNames.Summits"/>
    /// (in memory, which lives as long as the silo; in the Redis server of <see cref="SummitsSiloOptions.StateStore"/>
    /// when one is given to a silo that joins no cluster, under its cluster id as service id; in the cluster's Redis server when there is a cluster, which
    /// the silo then joins through Redis clustering, under its cluster id, and where it also counts its grains' calls for
    /// the Orleans Dashboard, whose pages a host serves with <c>MapOrleansDashboard</c>), state written with the Orleans serializer the state
    /// types are generated for, persistent state that a world marked by <see cref="InMemoryWorlds"/> keeps in memory
    /// alone (<see cref="DurableOrInMemoryStateFactory"/>), when asked, trace propagation into grain calls, and, when
    /// the host has registered no logger provider before this call, <see cref="StandardErrorLoggerProvider"/>, so that Orleans'
    /// own errors (a storage refusing a write) always reach someone.
    /// </summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="configure">Sets the <see cref="SummitsSiloOptions"/>; null takes the defaults.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// When <see cref="SummitsSiloOptions.CheckpointEvery"/> is not from 1 to <see cref="CheckpointOptions.Most"/>.
    /// </exception>
    /// <exception cref="SettingException">
    /// When the host's configuration holds a <c>Summits</c> setting it cannot take (<see cref="SummitsSettings.Read"/>),
    /// a key in section <c>Summits</c> that is no setting, or a JSON file (<c>appsettings.json</c>) that the command line
    /// would refuse as a whole (<see cref="SummitsSettings.Check"/>): one line naming the setting and its source, the
    /// same line the command line gives. <c>Summits:CheckpointEvery</c> is not read when
    /// <see cref="SummitsSiloOptions.CheckpointEvery"/> is set, nor <c>Summits:Cluster</c> when <see cref="SummitsSiloOptions.Cluster"/>
    /// is, nor <c>Summits:ClusterId</c> when <see cref="SummitsSiloOptions.ClusterId"/> is, as a command-line option takes its place.
    /// </exception>
    public static ISiloBuilder AddSummits(this ISiloBuilder silo, Action<SummitsSiloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = new SummitsSiloOptions();
        configure?.Invoke(options);
        var settings = SummitsSettings.Read(silo.Configuration, options.CheckpointEvery, cluster: options.Cluster, clusterId: options.ClusterId);
        var every = CheckpointOptions.Checked(settings.CheckpointEvery);
        silo.Services.Configure<CheckpointOptions>(o => o.CheckpointEvery = every);

        var storage = options.WrapStorage is null ? StorageNames.Summits : InnerStorage;
        if (settings.Cluster is { } cluster)
        {
            var id = settings.ClusterId;
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (id, id));
            silo.UseRedisClustering(o => o.ConfigurationOptions = Redis(cluster));
            // A retired world's grains leave nothing behind: clearing a state deletes its key.
            silo.AddRedisGrainStorage(storage, o => (o.ConfigurationOptions, o.DeleteStateOnClear) = (Redis(cluster), true));
            // A detached run is kept alive by a reminder of its world, in the same Redis server, so that it resumes on
            // another silo when its own dies.
            silo.UseRedisReminderService(o => o.ConfigurationOptions = Redis(cluster));
            // How soon a dead silo is declared dead, and its worlds' runs resumed: short in the cluster tests.
            (options.Timings ?? settings.Timings).ApplyTo(silo);
        }
        else if (options.StateStore is { } store)
        {
            var id = settings.ClusterId;
            silo.Configure<ClusterOptions>(o => o.ServiceId = id);
            silo.AddRedisGrainStorage(storage, o => (o.ConfigurationOptions, o.DeleteStateOnClear) = (Redis(store), true));
        }
        else
        {
            // The state's bytes in this silo's memory, written with no grain call (SiloMemoryStorage).
            silo.Services.AddKeyedSingleton<IGrainStorage>(storage,
                (services, _) => new SiloMemoryStorage(services.GetRequiredService<IGrainStorageSerializer>()));
        }
        if (options.WrapStorage is { } wrap)
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Summits,
                (services, _) => wrap(services, services.GetRequiredKeyedService<IGrainStorage>(InnerStorage)));
        }
        silo.UseOrleansSerializerForState();
        // Every grain's [PersistentState] chooses its storage as it activates and again as it is seeded: a world marked
        // as kept in memory (a Monte Carlo sample) touches no storage while its grains stay active.
        silo.Services.AddSingleton<IPersistentStateFactory, DurableOrInMemoryStateFactory>();
        if (!silo.Services.Any(d => d.ServiceType == typeof(ILoggerProvider)))
            silo.Services.AddLogging(logging => StandardErrorLoggerProvider.AddFilters(logging.AddProvider(new StandardErrorLoggerProvider(Console.Error))));
        // Every silo of a cluster counts its grains' calls for the Orleans Dashboard and can hold the dashboard's own
        // grains, so that a dashboard served by any one of them shows the whole cluster. The counting is off until a
        // dashboard asks for its figures; the web pages are served only where the host maps them (summits silo --dashboard).
        if (settings.Cluster is not null)
            silo.AddDashboard();
        if (options.Tracing)
            silo.AddActivityPropagation();
        return silo;
    }

    /// <summary>
    /// Makes <paramref name="silo"/> a silo alone on this machine, as the command line's embedded silo and the classroom
    /// run one: localhost clustering with its silo port at <paramref name="siloPort"/> and no gateway, the cluster id
    /// <c>summits-embedded</c>, the Summits grains (<see cref="AddSummits(ISiloBuilder, Action{SummitsSiloOptions}?)"/>) with
    /// the checkpoint interval of <paramref name="settings"/>, and calls that wait <see cref="SummitsSettings.CallTimeout"/>
    /// for their answer.
    /// </summary>
    /// <param name="siloPort">The port the silo listens on for other silos, on the loopback address; one no other process holds.</param>
    /// <param name="settings">The settings read and checked before the start (<see cref="SummitsSettings.Read"/>).</param>
    /// <param name="configure">More <see cref="SummitsSiloOptions"/>, set after the checkpoint interval; null for none.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="SettingException">As <see cref="AddSummits(ISiloBuilder, Action{SummitsSiloOptions}?)"/>.</exception>
    public static ISiloBuilder AddEmbeddedSummits(this ISiloBuilder silo, int siloPort, SummitsSettings settings, Action<SummitsSiloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        return silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: 0)
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("summits-embedded", "summits"))
            .AddSummits(o =>
            {
                o.CheckpointEvery = settings.CheckpointEvery;
                configure?.Invoke(o);
            })
            // How long a call waits for its answer: the commands ask again after as long (GrainAsking).
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = settings.CallTimeout);
    }

    /// <summary>
    /// Adds what a Summits client needs: when there is a cluster (<paramref name="cluster"/>, else <c>Summits:Cluster</c>
    /// of the host's configuration), Redis clustering to find its silos' gateways; when <paramref name="tracing"/> is true,
    /// its trace carried into the grain calls it makes. The host's <c>Summits</c> settings are checked as a silo's are, so
    /// that a client host refuses what a silo host (and the command line) would.
    /// </summary>
    /// <param name="client">The client builder.</param>
    /// <param name="tracing">Whether grain spans join the caller's trace.</param>
    /// <param name="cluster">The cluster given explicitly (a command's <c>--cluster</c>), which takes the place of <c>Summits:Cluster</c>; null to read it.</param>
    /// <param name="clusterId">The cluster id given explicitly (a command's <c>--cluster-id</c>), which takes the place of <c>Summits:ClusterId</c>; null to read it.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="SettingException">As for a silo (<see cref="SummitsSettings.Read"/>, <see cref="SummitsSettings.Check"/>).</exception>
    public static IClientBuilder AddSummits(this IClientBuilder client, bool tracing = false, ClusterAddress? cluster = null, string? clusterId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var settings = SummitsSettings.Read(client.Configuration, cluster: cluster, clusterId: clusterId);
        if (settings.Cluster is { } joined)
        {
            var id = settings.ClusterId;
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (id, id));
            client.UseRedisClustering(o => o.ConfigurationOptions = Redis(joined));
            // Orleans' own filter tries a start that finds no silo 15 more times, 1.5 s longer apart each time (3 minutes
            // in all): a cluster none of whose silos is listed is said at once, one whose listed silos do not answer after
            // ConnectionTries, a few seconds.
            client.Services.AddSingleton<IClientConnectionRetryFilter, ConnectionRetries>();
        }
        if (tracing)
            client.AddActivityPropagation();
        return client;
    }

    /// <summary>
    /// How StackExchange.Redis reaches <paramref name="cluster"/>: its one endpoint, a connection that fails at once
    /// when the server does not answer in 5 s rather than waiting in the background, so that a start against a server
    /// that is not there ends with its error.
    /// </summary>
    private static ConfigurationOptions Redis(ClusterAddress cluster)
    {
        var options = new ConfigurationOptions { AbortOnConnectFail = true, ConnectTimeout = 5_000, ConnectRetry = 1 };
        options.EndPoints.Add(cluster.Endpoint);
        return options;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Storage;
using Summits.Grains;

namespace Summits.Hosting;

/// <summary>
/// The one place that configures a silo or a client for Summits: the command line's embedded silo, every
/// test cluster and every later host call these, so that their configuration cannot drift apart.
/// Clustering (which silos, which ports) stays with the caller.
/// </summary>
public static class SummitsHosting
{
    /// <summary>The name the memory storage is registered under when <see cref="SummitsSiloOptions.WrapStorage"/> wraps it.</summary>
    private const string InnerStorage = StorageNames.Summits + "-inner";

    /// <summary>
    /// Adds what the Summits grains need to a silo: the named grain storage <see cref="StorageNames.Summits"/>
    /// (in memory, which lives as long as the silo), state written with the Orleans serializer the state
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
    /// <see cref="SummitsSiloOptions.CheckpointEvery"/> is set, as a command-line option takes its place.
    /// </exception>
    public static ISiloBuilder AddSummits(this ISiloBuilder silo, Action<SummitsSiloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = new SummitsSiloOptions();
        configure?.Invoke(options);
        var every = CheckpointOptions.Checked(SummitsSettings.Read(silo.Configuration, options.CheckpointEvery).CheckpointEvery);
        silo.Services.Configure<CheckpointOptions>(o => o.CheckpointEvery = every);

        if (options.WrapStorage is { } wrap)
        {
            silo.AddMemoryGrainStorage(InnerStorage);
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Summits,
                (services, _) => wrap(services, services.GetRequiredKeyedService<IGrainStorage>(InnerStorage)));
        }
        else
        {
            silo.AddMemoryGrainStorage(StorageNames.Summits);
        }
        silo.UseOrleansSerializerForState();
        // Every grain's [PersistentState] chooses its storage as it activates: a world marked as kept in memory
        // (a Monte Carlo sample) touches no storage at all.
        silo.Services.AddSingleton<IPersistentStateFactory, DurableOrInMemoryStateFactory>();
        if (!silo.Services.Any(d => d.ServiceType == typeof(ILoggerProvider)))
            silo.Services.AddLogging(logging => StandardErrorLoggerProvider.AddFilters(logging.AddProvider(new StandardErrorLoggerProvider(Console.Error))));
        if (options.Tracing)
            silo.AddActivityPropagation();
        return silo;
    }

    /// <summary>
    /// Adds what a Summits client needs: when <paramref name="tracing"/> is true, its trace carried into the grain calls
    /// it makes. The host's <c>Summits</c> settings are checked as a silo's are, so that a client host refuses what a
    /// silo host (and the command line) would.
    /// </summary>
    /// <param name="client">The client builder.</param>
    /// <param name="tracing">Whether grain spans join the caller's trace.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="SettingException">As for a silo (<see cref="SummitsSettings.Read"/>, <see cref="SummitsSettings.Check"/>).</exception>
    public static IClientBuilder AddSummits(this IClientBuilder client, bool tracing = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        SummitsSettings.Read(client.Configuration);
        if (tracing)
            client.AddActivityPropagation();
        return client;
    }
}

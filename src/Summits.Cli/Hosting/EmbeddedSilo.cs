using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Summits.Hosting;
using Summits.Scenarios;

namespace Summits.Cli.Hosting;

/// <summary>An Orleans silo inside this process: localhost clustering, memory storage, nothing else to start.</summary>
public sealed class EmbeddedSilo : IGrainHost
{
    private readonly IHost _host;
    private readonly TelemetrySettings _telemetry;
    private readonly StandardErrorLoggerProvider _warnings;

    private EmbeddedSilo(IHost host, TelemetrySettings telemetry, StandardErrorLoggerProvider warnings, SummitsSettings settings)
    {
        _host = host;
        Settings = settings;
        _telemetry = telemetry;
        _warnings = warnings;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }

    /// <summary>
    /// The settings the silo runs with: <c>Summits:CheckpointEvery</c> and <c>Summits:CallTimeout</c> from
    /// <c>appsettings.json</c> in the working folder and the environment (<see cref="SummitsSettings.Configuration"/>),
    /// with a checkpoint interval given on the command line in place of the configured one.
    /// </summary>
    public SummitsSettings Settings { get; }

    /// <summary>How the commands ask this silo's grains: again after <see cref="SummitsSettings.CallTimeout"/>, the silo's response timeout.</summary>
    public GrainAsking Asking => GrainAsking.For(Settings.CallTimeout);

    /// <summary>The key a run of <paramref name="world"/> takes: <paramref name="world"/> itself, as this silo's memory starts empty.</summary>
    public Summits.Grains.WorldKey KeyFor(Summits.Grains.WorldKey world) => world;

    /// <summary>The host's services: loggers, options, and the telemetry providers when a run asked for them.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>After disposal: how the run's telemetry ended (<see cref="SummitsOpenTelemetry.EndAsync"/>).</summary>
    public TelemetryEnd TelemetryEnd { get; private set; } = TelemetryEnd.Clean;

    /// <summary>
    /// Set by a command whose work finished whole, before disposal: only then does a <c>--telemetry</c> file take
    /// its target's place (else the target stays as it was, and the notice says where the lines are).
    /// </summary>
    public bool Finished { get; set; }

    /// <summary>Starts a silo without telemetry for <paramref name="command"/> (as <c>summits compare</c>, which begins each warning line).</summary>
    public static Task<EmbeddedSilo> StartAsync(string command, CancellationToken cancellation = default) =>
        StartAsync(TelemetrySettings.None, cancellation, command: command);

    /// <summary>
    /// Starts a silo with the settings of <see cref="SummitsSettings.Configuration"/> (the working folder's
    /// <c>appsettings.json</c>, then the environment), read and checked before anything starts.
    /// </summary>
    /// <param name="configure">More silo configuration, such as the call counter of <c>summits bench</c>.</param>
    /// <param name="warnings">Where the host's warnings and errors go, one line each (<see cref="StandardErrorLoggerProvider"/>); standard error unless a test says otherwise.</param>
    /// <param name="checkpointEvery">A checkpoint interval given on the command line (1 to 1000), which wins over the configured one; null to take the configured one.</param>
    /// <param name="command">The command the silo serves, as <c>summits run</c>: each line of <paramref name="warnings"/> begins with it.</param>
    /// <exception cref="SettingException">
    /// When a configured setting has a value it cannot take (<see cref="SummitsSettings.Read"/>), or <c>appsettings.json</c>
    /// is refused as a whole (<see cref="SummitsSettings.Configuration"/>: not JSON, not an object, a key set twice or
    /// holding a control character).
    /// </exception>
    public static Task<EmbeddedSilo> StartAsync(TelemetrySettings? telemetry, CancellationToken cancellation = default, Action<ISiloBuilder>? configure = null, TextWriter? warnings = null, int? checkpointEvery = null,
        string command = StandardErrorLoggerProvider.DefaultCommand) =>
        StartAsync(telemetry, LoopbackPort.Free, cancellation, configure, warnings, new SiloSettings(checkpointEvery, Command: command));

    /// <summary>What a start takes besides the telemetry and the port: the configuration, a command-line interval, a storage wrapper for tests.</summary>
    /// <param name="CheckpointEvery">The command line's checkpoint interval, winning over the configured one; null for none.</param>
    /// <param name="Configuration">Where the settings are read; <see cref="SummitsSettings.Configuration"/> of the working folder and the process's environment when null.</param>
    /// <param name="WrapStorage">As <see cref="SummitsSiloOptions.WrapStorage"/>; null for none.</param>
    /// <param name="Command">The command the silo serves, as <c>summits run</c>, which begins each warning line.</param>
    internal sealed record SiloSettings(int? CheckpointEvery = null, Microsoft.Extensions.Configuration.IConfiguration? Configuration = null,
        Func<IServiceProvider, Orleans.Storage.IGrainStorage, Orleans.Storage.IGrainStorage>? WrapStorage = null,
        string Command = StandardErrorLoggerProvider.DefaultCommand)
    {
        /// <summary>The settings the silo runs with, the command line's interval in place of the configured one, which is then not read.</summary>
        /// <exception cref="SettingException">As <see cref="SummitsSettings.Read"/>.</exception>
        public SummitsSettings Read() =>
            SummitsSettings.Read(Configuration ?? SummitsSettings.Configuration(Directory.GetCurrentDirectory()), CheckpointEvery);
    }

    /// <summary>
    /// Starts the silo on a port from <paramref name="ports"/>. A free port chosen before the silo binds it
    /// can be taken by another process in between, so a start that finds its port taken tries the next
    /// port, up to <see cref="PortAttempts"/> times.
    /// </summary>
    /// <exception cref="System.Net.Sockets.SocketException">(inside the host's exception) when every port tried was taken.</exception>
    /// <exception cref="SettingException">As <see cref="SiloSettings.Read"/>.</exception>
    internal static async Task<EmbeddedSilo> StartAsync(TelemetrySettings? telemetry, Func<int> ports, CancellationToken cancellation = default, Action<ISiloBuilder>? configure = null, TextWriter? warnings = null, SiloSettings? siloSettings = null)
    {
        telemetry ??= TelemetrySettings.None;
        siloSettings ??= new SiloSettings();
        // Read before anything starts, so that a bad value is refused with nothing run.
        var settings = siloSettings.Read();
        // A cluster the configuration names is joined by `summits run`, `summits whatif` and `summits silo` alone; any other command
        // says that it runs on its own silo instead, rather than leaving the cluster unused in silence.
        if (settings.Cluster is { } cluster)
            await (warnings ?? Console.Error).WriteLineAsync(
                $"{siloSettings.Command}: note: {SummitsSettings.ClusterKey} names the cluster at {cluster}, which only summits run, summits whatif and summits silo join; this command runs on a silo of its own");
        for (var attempt = 1; ; attempt++)
        {
            var standardError = new StandardErrorLoggerProvider(warnings ?? Console.Error, siloSettings.Command) { Open = false };
            var host = Build(telemetry, ports(), settings, siloSettings.WrapStorage, configure, standardError);
            try
            {
                await host.StartAsync(cancellation);
                standardError.Open = true;
                return new EmbeddedSilo(host, telemetry, standardError, settings);
            }
            catch (Exception e) when (attempt < PortAttempts && PortTaken(e))
            {
                host.Dispose();
            }
        }
    }

    /// <summary>How many ports a start tries before it gives up.</summary>
    internal const int PortAttempts = 5;

    private static IHost Build(TelemetrySettings telemetry, int siloPort, SummitsSettings settings,
        Func<IServiceProvider, Orleans.Storage.IGrainStorage, Orleans.Storage.IGrainStorage>? wrapStorage, Action<ISiloBuilder>? configure, StandardErrorLoggerProvider standardError)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Without defaults a host has no logger at all: Orleans' own warnings and errors would go nowhere.
        builder.Logging.AddProvider(standardError);
        StandardErrorLoggerProvider.AddFilters(builder.Logging);
        builder.UseOrleans(silo =>
        {
            silo.AddEmbeddedSummits(siloPort, settings, o =>
            {
                o.Tracing = telemetry.Tracing;
                // Every write is counted, for --verbosity diagnostic (StorageWrites), a test's wrapper inside the count.
                o.WrapStorage = (services, storage) => StorageWrites.Counting(wrapStorage?.Invoke(services, storage) ?? storage);
            });
            configure?.Invoke(silo);
        });
        SummitsOpenTelemetry.AddTo(builder, telemetry);
        return builder.Build();
    }

    /// <summary>Whether a start failed because its port was already bound, anywhere in the exception's causes.</summary>
    private static bool PortTaken(Exception? e) => e switch
    {
        null => false,
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => true,
        AggregateException all => all.InnerExceptions.Any(PortTaken),
        _ => PortTaken(e.InnerException),
    };

    /// <remarks>
    /// The silo stops without handing its grains over: it is the only silo, its storage is in memory and
    /// goes with it, so a graceful stop would only deactivate grains one by one for nobody.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        _warnings.Open = false;
        TelemetryEnd = await SummitsOpenTelemetry.EndAsync(_host, _telemetry, Finished, new CancellationToken(canceled: true));
    }
}

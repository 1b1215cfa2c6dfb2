using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Summits.Grains;
using Summits.Scenarios;
using Summits.Hosting;

namespace Summits.Cli.Hosting;

/// <summary>
/// This process as an Orleans client of a Summits cluster (<see cref="SummitsHosting.AddSummits(Orleans.Hosting.IClientBuilder, bool, ClusterAddress?, string?)"/>):
/// its grains run on the cluster's silos and keep their state in its Redis server.
/// </summary>
public sealed class ClusterClient : IGrainHost
{
    private readonly IHost _host;
    private readonly TelemetrySettings _telemetry;
    private readonly StandardErrorLoggerProvider _warnings;
    private readonly string _run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    private ClusterClient(IHost host, TelemetrySettings telemetry, StandardErrorLoggerProvider warnings, SummitsSettings settings)
    {
        (_host, _telemetry, _warnings, Settings) = (host, telemetry, warnings, settings);
        Grains = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <inheritdoc/>
    public IGrainFactory Grains { get; }

    /// <summary>The settings the client runs with; <see cref="SummitsSettings.Cluster"/> is the cluster it calls.</summary>
    public SummitsSettings Settings { get; }

    /// <summary>How the commands ask the cluster's grains: again after <see cref="SummitsSettings.CallTimeout"/>, the client's response timeout.</summary>
    public GrainAsking Asking => GrainAsking.For(Settings.CallTimeout);

    /// <inheritdoc/>
    public TelemetryEnd TelemetryEnd { get; private set; } = TelemetryEnd.Clean;

    /// <inheritdoc/>
    public bool Finished { get; set; }

    /// <summary>
    /// Stops writing the runtime's notes to standard error for a command whose work with the cluster is over before the
    /// client is disposed (a watch stopped by Ctrl-C, its observer deleted): a push still on its way to the deleted
    /// observer is then nobody's concern, and the command's own last line is the last the user reads.
    /// </summary>
    public void EndNotes() => _warnings.Open = false;

    /// <summary>
    /// <paramref name="world"/> and this client's run id joined, <c>{world}-run-{12 hex digits}</c> (<see cref="WorldKey.Derived"/>):
    /// a world the cluster's storage has never held, so that a run never meets an earlier run's world.
    /// </summary>
    public WorldKey KeyFor(WorldKey world) => WorldKey.Derived(world.Value, "run", _run);

    /// <summary>Connects to the cluster of <paramref name="settings"/> (whose <see cref="SummitsSettings.Cluster"/> must be set).</summary>
    /// <param name="command">The command the client serves, as <c>summits run</c>: each warning line begins with it.</param>
    /// <exception cref="ClusterException">When the cluster's Redis server does not answer, or no silo of the cluster does.</exception>
    public static async Task<ClusterClient> StartAsync(SummitsSettings settings, TelemetrySettings telemetry, string command, CancellationToken cancellation = default)
    {
        var cluster = settings.Cluster ?? throw new ArgumentException("the settings name no cluster", nameof(settings));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var standardError = new StandardErrorLoggerProvider(Console.Error, command) { Open = false, Redis = cluster.Endpoint };
        builder.Logging.AddProvider(standardError);
        StandardErrorLoggerProvider.AddFilters(builder.Logging);
        builder.UseOrleansClient(client => client
            .AddSummits(telemetry.Tracing, cluster, settings.ClusterId)
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = settings.CallTimeout));
        SummitsOpenTelemetry.AddTo(builder, telemetry);
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested)
        {
            host.Dispose();
            throw ClusterException.Unreachable(cluster, settings.ClusterId, e);
        }
        standardError.Open = true;
        return new ClusterClient(host, telemetry, standardError, settings);
    }

    /// <summary>Closes the connection; the worlds of the runs it made stay on the cluster (a study retires each sample's world as it finishes).</summary>
    public async ValueTask DisposeAsync()
    {
        _warnings.Open = false;
        TelemetryEnd = await SummitsOpenTelemetry.EndAsync(_host, _telemetry, Finished, new CancellationToken(canceled: true));
    }
}

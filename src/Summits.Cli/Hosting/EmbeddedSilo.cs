using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Summits.Grains;

namespace Summits.Cli.Hosting;

/// <summary>An Orleans silo inside this process: localhost clustering, memory storage, nothing else to start.</summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TelemetrySettings _telemetry;
    private readonly StandardErrorLoggerProvider _warnings;

    private EmbeddedSilo(IHost host, TelemetrySettings telemetry, StandardErrorLoggerProvider warnings)
    {
        _host = host;
        _telemetry = telemetry;
        _warnings = warnings;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }

    /// <summary>The host's services: loggers, options, and the telemetry providers when a run asked for them.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>After disposal: the one line saying that some of the run's telemetry was not delivered, or null.</summary>
    public string? TelemetryNotice { get; private set; }

    public static Task<EmbeddedSilo> StartAsync(CancellationToken cancellation = default) =>
        StartAsync(TelemetrySettings.None, cancellation);

    /// <param name="configure">More silo configuration, such as the call counter of <c>summits bench</c>.</param>
    /// <param name="warnings">Where the host's warnings and errors go, one line each (<see cref="StandardErrorLoggerProvider"/>); standard error unless a test says otherwise.</param>
    public static async Task<EmbeddedSilo> StartAsync(TelemetrySettings? telemetry, CancellationToken cancellation = default, Action<ISiloBuilder>? configure = null, TextWriter? warnings = null)
    {
        telemetry ??= TelemetrySettings.None;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Without defaults a host has no logger at all: Orleans' own warnings and errors would go nowhere.
        var standardError = new StandardErrorLoggerProvider(warnings ?? Console.Error);
        builder.Logging.AddProvider(standardError);
        builder.Logging.AddFilter<StandardErrorLoggerProvider>(null, StandardErrorLoggerProvider.Threshold);
        // The watchdog warns when this process is starved of CPU, which says something of the machine, not of the run.
        builder.Logging.AddFilter<StandardErrorLoggerProvider>("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: 0)
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("summits-embedded", "summits"))
                .AddMemoryGrainStorage(StorageNames.Summits)
                .UseOrleansSerializerForState();
            // Carries the caller's trace into grain calls, so grain spans join the run's trace.
            if (telemetry.Tracing)
                silo.AddActivityPropagation();
            configure?.Invoke(silo);
        });
        SummitsOpenTelemetry.AddTo(builder, telemetry);
        var host = builder.Build();
        await host.StartAsync(cancellation);
        standardError.Open = true;
        return new EmbeddedSilo(host, telemetry, standardError);
    }

    /// <remarks>
    /// The silo stops without handing its grains over: it is the only silo, its storage is in memory and
    /// goes with it, so a graceful stop would only deactivate grains one by one for nobody.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        _warnings.Open = false;
        await _host.StopAsync(new CancellationToken(canceled: true));
        TelemetryNotice = await SummitsOpenTelemetry.FinishAsync(_host.Services, _telemetry);
        _host.Dispose();
    }

    /// <summary>A port no other process holds now, so that several embedded silos can run side by side.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

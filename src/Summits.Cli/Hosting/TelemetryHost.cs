using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Summits.Cli.Hosting;

/// <summary>A host with telemetry and no silo, for runs of the pure model that still export what they do.</summary>
public sealed class TelemetryHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TelemetrySettings _telemetry;

    private TelemetryHost(IHost host, TelemetrySettings telemetry) => (_host, _telemetry) = (host, telemetry);

    /// <summary>After disposal: how the run's telemetry ended (<see cref="SummitsOpenTelemetry.EndAsync"/>).</summary>
    public TelemetryEnd TelemetryEnd { get; private set; } = TelemetryEnd.Clean;

    /// <summary>
    /// Set by a command whose work finished whole, before disposal: only then does a <c>--telemetry</c> file take
    /// its target's place (else the target stays as it was, and the notice says where the lines are).
    /// </summary>
    public bool Finished { get; set; }

    public ILoggerFactory Loggers => _host.Services.GetRequiredService<ILoggerFactory>();

    public static async Task<TelemetryHost> StartAsync(TelemetrySettings telemetry, CancellationToken cancellation = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        SummitsOpenTelemetry.AddTo(builder, telemetry);
        var host = builder.Build();
        await host.StartAsync(cancellation);
        return new TelemetryHost(host, telemetry);
    }

    public async ValueTask DisposeAsync()
    {
        TelemetryEnd = await SummitsOpenTelemetry.EndAsync(_host, _telemetry, Finished);
    }
}

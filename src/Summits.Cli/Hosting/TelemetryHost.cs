using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Summits.Cli.Hosting;

/// <summary>A host with telemetry and no silo, for runs of the pure model that still export what they do.</summary>
public sealed class TelemetryHost : IAsyncDisposable
{
    private readonly IHost _host;

    private TelemetryHost(IHost host) => _host = host;

    public ILoggerFactory Loggers => _host.Services.GetRequiredService<ILoggerFactory>();

    public static async Task<TelemetryHost> StartAsync(TelemetrySettings telemetry, CancellationToken cancellation = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        SummitsOpenTelemetry.AddTo(builder, telemetry);
        var host = builder.Build();
        await host.StartAsync(cancellation);
        return new TelemetryHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

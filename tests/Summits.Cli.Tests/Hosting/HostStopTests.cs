using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Summits.Cli.Hosting;

namespace Summits.Cli.Tests;

/// <summary>
/// A cluster client ends its host with a stop told not to wait (<see cref="SummitsOpenTelemetry.EndAsync"/> with a
/// cancelled token). A service whose stop is still waiting then (an Orleans client's connection to a silo that was
/// killed, being tried again) ends with that cancellation: the command's work is done, and it must not end with
/// <c>error: A task was canceled</c> and exit 3, as a watch that had followed its world through a silo's death once did.
/// </summary>
public sealed class HostStopTests
{
    [Fact]
    public async Task A_stop_told_not_to_wait_that_cuts_a_waiting_service_short_ends_quietly()
    {
        using var host = Host(new Waiting());
        await host.StartAsync();
        var end = await SummitsOpenTelemetry.EndAsync(host, TelemetrySettings.None, finished: true, new CancellationToken(canceled: true));
        Assert.Equal(TelemetryEnd.Clean, end);
    }

    [Fact]
    public async Task A_service_that_fails_to_stop_otherwise_still_fails()
    {
        using var host = Host(new Failing());
        await host.StartAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => SummitsOpenTelemetry.EndAsync(host, TelemetrySettings.None, finished: true, new CancellationToken(canceled: true)));
    }

    private static IHost Host(IHostedService service)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(service);
        return builder.Build();
    }

    /// <summary>A service whose stop waits on something that never ends, as long as its token lets it.</summary>
    private sealed class Waiting : IHostedService
    {
        private readonly TaskCompletionSource _never = new();

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => _never.Task.WaitAsync(cancellationToken);
    }

    /// <summary>A service whose stop fails on its own.</summary>
    private sealed class Failing : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.FromException(new InvalidOperationException("broken"));
    }
}

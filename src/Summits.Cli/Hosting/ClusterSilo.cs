using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Summits.Hosting;

namespace Summits.Cli.Hosting;

/// <summary>
/// A silo of a Summits cluster, as <c>summits silo</c> runs it: it joins the cluster through its Redis server and keeps
/// grain state there (<see cref="SummitsHosting.AddSummits(Orleans.Hosting.ISiloBuilder, Action{SummitsSiloOptions}?)"/>),
/// and listens for other silos and for clients on the ports it is given.
/// </summary>
public sealed class ClusterSilo : IAsyncDisposable
{
    /// <summary>How long a stop may take to hand the silo's grains over and leave the cluster before it stops at once.</summary>
    public static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(20);

    private readonly IHost _host;
    private readonly StandardErrorLoggerProvider _warnings;

    private ClusterSilo(IHost host, StandardErrorLoggerProvider warnings, SummitsSettings settings)
    {
        (_host, _warnings, Settings) = (host, warnings, settings);
        var endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Address = endpoints.AdvertisedIPAddress;
        SiloPort = endpoints.SiloPort;
        GatewayPort = endpoints.GatewayPort;
    }

    /// <summary>The settings the silo runs with; <see cref="SummitsSettings.Cluster"/> is the cluster it joined.</summary>
    public SummitsSettings Settings { get; }

    /// <summary>The address the silo gives the cluster for itself, and listens on.</summary>
    public IPAddress Address { get; }

    /// <summary>The TCP port other silos reach this one on.</summary>
    public int SiloPort { get; }

    /// <summary>The TCP port clients reach the cluster through, on this silo.</summary>
    public int GatewayPort { get; }

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// Starts a silo of the cluster of <paramref name="settings"/> (whose <see cref="SummitsSettings.Cluster"/> must be set),
    /// listening on <paramref name="address"/> alone, and giving it to the cluster for itself, at
    /// <paramref name="siloPort"/> for silos and <paramref name="gatewayPort"/> for clients.
    /// </summary>
    /// <param name="dashboard">
    /// Where to serve the Orleans Dashboard's pages and data over HTTP (<c>MapOrleansDashboard</c> on an ASP.NET Core host
    /// listening there alone); null serves none, and nothing listens but the silo's two ports.
    /// </param>
    /// <param name="warnings">Where the silo's warnings and errors go, one line each; standard error unless a test says otherwise.</param>
    /// <exception cref="ClusterException">
    /// When the cluster's Redis server does not answer, or the silo's port, its gateway port or the dashboard cannot listen
    /// where it is to (another process, another silo perhaps, holds it): said before the silo joins, so that a silo already
    /// listening there is left alone.
    /// </exception>
    public static async Task<ClusterSilo> StartAsync(SummitsSettings settings, IPAddress address, int siloPort, int gatewayPort, IPEndPoint? dashboard = null, TextWriter? warnings = null, CancellationToken cancellation = default)
    {
        var cluster = settings.Cluster ?? throw new ArgumentException("the settings name no cluster", nameof(settings));
        // Orleans would join the cluster on a port another silo holds, and the cluster would then vote that silo dead.
        Probe(new IPEndPoint(address, siloPort), "the silo cannot listen for other silos", "--silo-port", "--address");
        Probe(new IPEndPoint(address, gatewayPort), "the silo cannot listen for clients", "--gateway-port", "--address");
        if (dashboard is not null)
            Probe(dashboard, "the Orleans Dashboard cannot listen", "--dashboard", "--dashboard");
        // A web host only when there is a dashboard to serve; both read no configuration of their own.
        var web = dashboard is null ? null : WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        IHostApplicationBuilder builder = web is null ? Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true }) : web;
        if (web is not null)
        {
            web.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(dashboard!));
            web.Services.AddRouting();
        }
        var standardError = new StandardErrorLoggerProvider(warnings ?? Console.Error, "summits silo") { Held = true, Redis = cluster.Endpoint };
        builder.Logging.AddProvider(standardError);
        StandardErrorLoggerProvider.AddFilters(builder.Logging);
        builder.UseOrleans(silo =>
        {
            silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: false);
            silo.AddSummits(o => (o.Cluster, o.ClusterId, o.CheckpointEvery, o.Timings) = (cluster, settings.ClusterId, settings.CheckpointEvery, settings.Timings))
                .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = settings.CallTimeout);
        });
        IHost host;
        if (web is null)
        {
            host = ((HostApplicationBuilder)builder).Build();
        }
        else
        {
            var app = web.Build();
            app.MapOrleansDashboard();
            host = app;
        }
        var released = true;
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (Exception e) when (ClusterException.RedisFailed(e))
        {
            // What the host logged on its way to this failure is the failure itself, said in one line; what its
            // services still log while the process ends is held back with it, never written.
            released = false;
            standardError.Drop();
            host.Dispose();
            throw ClusterException.Unreachable(cluster, settings.ClusterId, e);
        }
        catch (IOException e) when (dashboard is not null)
        {
            released = false;
            standardError.Drop();
            host.Dispose();
            throw Refused(dashboard, "the Orleans Dashboard cannot listen", "--dashboard", "--dashboard", e);
        }
        finally
        {
            if (released)
                standardError.Held = false;
        }
        return new ClusterSilo(host, standardError, settings);
    }

    /// <summary>
    /// Listens on <paramref name="endpoint"/> for a moment and stops, so that a port another process holds is said in
    /// one line before the silo starts (<paramref name="what"/> on the endpoint, and the <paramref name="portOption"/> that
    /// chooses another), rather than after it has joined the cluster and among the host's own errors; and an address this
    /// machine does not have, naming the <paramref name="addressOption"/> that chooses another.
    /// </summary>
    private static void Probe(IPEndPoint endpoint, string what, string portOption, string addressOption)
    {
        var listener = new System.Net.Sockets.TcpListener(endpoint);
        try
        {
            listener.Start();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw Refused(endpoint, what, portOption, addressOption, e);
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>
    /// The one line for a listener refused at <paramref name="endpoint"/>: an address the machine lacks names
    /// <paramref name="addressOption"/> (the port is not at fault), any other refusal (a port held) <paramref name="portOption"/>.
    /// </summary>
    internal static ClusterException Refused(IPEndPoint endpoint, string what, string portOption, string addressOption, Exception e) =>
        e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressNotAvailable }
            ? new($"{what} on {endpoint.Address}: it is not an address of this machine ({e.Message.TrimEnd('.')}); name one of its addresses with {addressOption}", e)
            : new($"{what} on {endpoint}: {e.Message.TrimEnd('.')}; choose another port with {portOption}", e);

    /// <summary>Leaves the cluster, handing this silo's grains over, within <see cref="StopBudget"/>; then stops at once.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var budget = new CancellationTokenSource(StopBudget))
        {
            try
            {
                await _host.StopAsync(budget.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        _warnings.Open = false;
        _host.Dispose();
    }
}

using System.CommandLine;
using System.Globalization;
using System.Net;
using Summits.Cli.Hosting;
using Summits.Hosting;

namespace Summits.Cli.Commands;

/// <summary><c>summits silo</c>: runs a silo of a Summits cluster until Ctrl-C or SIGTERM.</summary>
public static class SiloCommand
{
    /// <summary>The port a silo listens on for other silos unless told otherwise: Orleans' own default, 11111.</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>The port a silo listens on for clients unless told otherwise: Orleans' own default, 30000.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>
    /// The address a silo listens on and gives the cluster unless <c>--address</c> names another: 127.0.0.1, so that a silo
    /// started without one is reachable from its own machine alone, and a cluster across machines names each silo's address.
    /// </summary>
    public static readonly IPAddress DefaultAddress = IPAddress.Loopback;

    public static Command Create()
    {
        var cluster = CommonOptions.Cluster("The Redis server of the cluster to join: it holds the cluster's membership and its grains' state [default: Summits:Cluster]");
        var address = new Option<IPAddress?>("--address")
        {
            Description = "The IP address to listen on and give the cluster for this silo [default: 127.0.0.1, this machine alone]",
            HelpName = "IP",
        };
        address.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
                return null;
            var written = result.Tokens[^1].Value;
            if (IPAddress.TryParse(written, out var ip) && ip.ToString() == written.ToLowerInvariant())
                return ip;
            result.AddError($"--address must be an IPv4 or IPv6 address such as 10.0.0.5, not '{Output.Printable.Of(written)}'");
            return null;
        };
        var siloPort = OptionNumbers.Whole(new Option<int>("--silo-port")
        {
            Description = "The TCP port other silos reach this one on (1 to 65535)",
            HelpName = "PORT",
            DefaultValueFactory = _ => DefaultSiloPort,
        }, 1, 65535);
        var gatewayPort = OptionNumbers.Whole(new Option<int>("--gateway-port")
        {
            Description = "The TCP port clients (summits run --cluster) reach the cluster on, through this silo (1 to 65535)",
            HelpName = "PORT",
            DefaultValueFactory = _ => DefaultGatewayPort,
        }, 1, 65535);
        var clusterId = CommonOptions.ClusterId();
        var dashboard = new Option<IPEndPoint?>("--dashboard")
        {
            Description = "Serve the Orleans Dashboard over HTTP on this port of 127.0.0.1 (PORT), or at ADDRESS:PORT (0.0.0.0:8080 for every address of this machine) [default: none]",
            HelpName = "PORT",
        };
        dashboard.CustomParser = result => result.Tokens.Count == 0 ? null : ReadDashboard(result.Tokens[^1].Value, result.AddError);
        var command = new Command("silo", "Run a silo of a Summits cluster: it joins the cluster through its Redis server, keeps the grains' state there, and runs until Ctrl-C or SIGTERM.")
        {
            cluster, clusterId, address, siloPort, gatewayPort, dashboard,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(cluster), parse.GetValue(clusterId), parse.GetValue(address),
            parse.GetValue(siloPort), parse.GetValue(gatewayPort), parse.GetValue(dashboard), cancellation));
        return command;
    }

    /// <summary>
    /// Reads <c>--dashboard</c>: a port alone (<c>8080</c>, on 127.0.0.1), or an IP address and a port as .NET writes an
    /// endpoint (<c>0.0.0.0:8080</c>, <c>[::1]:8080</c>); the port 1 to 65535. Anything else is refused through
    /// <paramref name="refuse"/> in one line, and null returned.
    /// </summary>
    internal static IPEndPoint? ReadDashboard(string written, Action<string> refuse)
    {
        if (written.Length > 0 && written.All(char.IsAsciiDigit))
        {
            if (int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
                return new IPEndPoint(IPAddress.Loopback, port);
        }
        else if (IPEndPoint.TryParse(written, out var endpoint) && endpoint.Port >= 1
                 && string.Equals(endpoint.ToString(), written, StringComparison.OrdinalIgnoreCase))
        {
            return endpoint;
        }
        refuse($"--dashboard must be a TCP port from 1 to 65535 (served on 127.0.0.1), or an IP address and a port as 0.0.0.0:8080 or [::1]:8080, not '{Output.Printable.Of(written)}'");
        return null;
    }

    private static async Task<int> RunAsync(ClusterAddress? cluster, string? clusterId, IPAddress? address, int siloPort, int gatewayPort, IPEndPoint? dashboard, CancellationToken cancellation)
    {
        if (siloPort == gatewayPort)
            return UsageError.Write("summits silo", $"--silo-port and --gateway-port must differ, not both {siloPort.ToString(CultureInfo.InvariantCulture)}");
        if (dashboard is not null && (dashboard.Port == siloPort || dashboard.Port == gatewayPort))
            return UsageError.Write("summits silo", $"--dashboard must take a port of its own, not {dashboard.Port.ToString(CultureInfo.InvariantCulture)}, the silo's {(dashboard.Port == siloPort ? "--silo-port" : "--gateway-port")}");
        var settings = SummitsSettings.Read(SummitsSettings.Configuration(Directory.GetCurrentDirectory()), cluster: cluster, clusterId: clusterId);
        if (settings.Cluster is null)
            return UsageError.Write("summits silo", $"name the cluster's Redis server with --cluster redis://HOST:PORT or the setting {SummitsSettings.ClusterKey}");
        await using var silo = await ClusterSilo.StartAsync(settings, address ?? DefaultAddress, siloPort, gatewayPort, dashboard, cancellation: cancellation);
        var at = new IPEndPoint(silo.Address, silo.SiloPort);
        var gateway = new IPEndPoint(silo.Address, silo.GatewayPort);
        if (dashboard is not null)
            await Console.Out.WriteLineAsync($"summits silo: the Orleans Dashboard is at http://{dashboard}/");
        await Console.Out.WriteLineAsync($"summits silo: listening on {at} for silos and {gateway} for clients, in the cluster '{settings.ClusterId}' at {settings.Cluster}; Ctrl-C stops it");
        await Console.Out.FlushAsync(CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        await Console.Out.WriteLineAsync("summits silo: stopping: handing its grains over and leaving the cluster");
        return ExitCodes.Ok;
    }
}

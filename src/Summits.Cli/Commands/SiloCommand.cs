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

    public static Command Create()
    {
        var cluster = CommonOptions.Cluster("The Redis server of the cluster to join: it holds the cluster's membership and its grains' state [default: Summits:Cluster]");
        var address = new Option<IPAddress?>("--address")
        {
            Description = "The IP address to listen on and give the cluster for this silo [default: the address of this machine's name]",
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
        var command = new Command("silo", "Run a silo of a Summits cluster: it joins the cluster through its Redis server, keeps the grains' state there, and runs until Ctrl-C or SIGTERM.")
        {
            cluster, address, siloPort, gatewayPort,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(cluster), parse.GetValue(address), parse.GetValue(siloPort), parse.GetValue(gatewayPort), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(ClusterAddress? cluster, IPAddress? address, int siloPort, int gatewayPort, CancellationToken cancellation)
    {
        if (siloPort == gatewayPort)
            return UsageError.Write("summits silo", $"--silo-port and --gateway-port must differ, not both {siloPort.ToString(CultureInfo.InvariantCulture)}");
        var settings = SummitsSettings.Read(SummitsSettings.Configuration(Directory.GetCurrentDirectory()), cluster: cluster);
        if (settings.Cluster is null)
            return UsageError.Write("summits silo", $"name the cluster's Redis server with --cluster redis://HOST:PORT or the setting {SummitsSettings.ClusterKey}");
        await using var silo = await ClusterSilo.StartAsync(settings, address, siloPort, gatewayPort, cancellation: cancellation);
        var at = new IPEndPoint(silo.Address, silo.SiloPort);
        var gateway = new IPEndPoint(silo.Address, silo.GatewayPort);
        await Console.Out.WriteLineAsync($"summits silo: listening on {at} for silos and {gateway} for clients, in the cluster at {settings.Cluster}; Ctrl-C stops it");
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

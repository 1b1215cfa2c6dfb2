using System.Net;
using System.Net.Sockets;
using Summits.Cli.Hosting;
using Summits.Grains.Bench;
using Summits.Hosting;

namespace Summits.Cli.Tests.Hosting;

public sealed class EmbeddedSiloTests
{
    [Fact]
    public async Task A_silo_whose_chosen_port_was_taken_meanwhile_starts_on_the_next_one()
    {
        // Another process took the port between the choice and the bind: here, a listener this test holds.
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        var asked = new List<int>();
        int Ports()
        {
            // First the taken port, then one free now (port 0 asks the system for one, then lets it go).
            var port = asked.Count == 0 ? takenPort : LoopbackPort.Free();
            asked.Add(port);
            return port;
        }

        await using var silo = await EmbeddedSilo.StartAsync(TelemetrySettings.None, Ports);

        // Two choices: the taken port, refused, then the free one; and the silo answers a grain call.
        Assert.Equal(2, asked.Count);
        Assert.Equal(takenPort, asked[0]);
        Assert.Equal(41, await silo.Grains.GetGrain<IPingGrain>(0).Ping(41));
    }
}

using System.Net;
using System.Net.Sockets;
using Summits.Hosting;

namespace Summits.Cli.Tests.Hosting;

public sealed class LoopbackPortTests
{
    [Fact]
    public void A_free_port_is_a_real_port_that_can_be_bound_at_once()
    {
        var port = LoopbackPort.Free();

        // A TCP port is 1 to 65535 (0 asks the system to choose); a port no one holds binds on 127.0.0.1.
        Assert.InRange(port, 1, 65535);
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Assert.Equal(port, ((IPEndPoint)listener.LocalEndpoint).Port);
    }

    [Fact]
    public void A_port_held_by_a_listener_is_not_given_out()
    {
        using var held = new TcpListener(IPAddress.Loopback, 0);
        held.Start();
        var heldPort = ((IPEndPoint)held.LocalEndpoint).Port;

        // The system never hands out a port a listener holds, so however many are asked for, none is the held one.
        var given = Enumerable.Range(0, 20).Select(_ => LoopbackPort.Free()).ToList();

        Assert.DoesNotContain(heldPort, given);
    }
}

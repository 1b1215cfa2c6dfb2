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

    [Fact]
    public void A_free_port_lies_outside_the_range_the_system_gives_outgoing_connections()
    {
        // The range as the kernel states it, read here on its own: "32768\t60999" on a default Linux. An outgoing
        // connection's local port is drawn from it, so a port inside it can be taken between its choice and its bind.
        var text = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split(['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var (low, high) = (int.Parse(text[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(text[1], System.Globalization.CultureInfo.InvariantCulture));

        var given = Enumerable.Range(0, 50).Select(_ => LoopbackPort.Free()).ToList();

        // Each of the 50 is an unprivileged port (1024 and up) below the range's first port or above its last.
        Assert.Equal((low, high), LoopbackPort.EphemeralRange());
        Assert.All(given, port => Assert.True(port is >= 1024 and <= 65535 && (port < low || port > high),
            $"{port} lies in the ephemeral range {low}-{high} or below 1024"));
    }

    [Fact]
    public void Ports_asked_for_in_one_process_are_all_different_before_any_is_bound()
    {
        // None of these is bound by the caller, so the system alone would say each is free; the process remembers what
        // it gave: 1,000 ports asked for, 1,000 different ones (fewer than the half of about 31,000 ports outside the
        // default ephemeral range after which the record starts again).
        var given = Enumerable.Range(0, 1000).Select(_ => LoopbackPort.Free()).ToList();

        Assert.Equal(1000, given.Distinct().Count());
    }
}

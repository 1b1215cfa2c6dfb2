using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Summits.Hosting;

/// <summary>
/// Ports on 127.0.0.1 for what a command starts for itself: an embedded silo's listener, the classroom's own
/// <c>redis-server</c>, and the servers the tests start.
/// </summary>
/// <remarks>
/// A port is drawn outside the system's ephemeral range, the range it takes the local port of every outgoing connection
/// and of every listener bound to port 0 from (Linux: <c>/proc/sys/net/ipv4/ip_local_port_range</c>, 32768–60999 by
/// default). A port drawn inside it could be taken between its choice and its bind by any connection the process makes
/// meanwhile (a silo's connection to Redis or to another silo), which then refuses the bind as "address already in use";
/// outside it, only a process that binds that very port can.
/// </remarks>
public static class LoopbackPort
{
    // The lowest port a process without privileges may bind on Linux.
    private const int Unprivileged = 1024;
    // The dynamic range IANA sets aside (RFC 6335), which Windows and macOS take ephemeral ports from.
    private static readonly (int Low, int High) DynamicRange = (49152, 65535);
    // Fewer ports than this outside the ephemeral range, and the draw is left to the system.
    private const int FewestToDrawFrom = 1000;
    // Ports given out by this process, so that two callers never get the same before either binds it.
    private static readonly HashSet<int> Given = [];

    /// <summary>
    /// A TCP port no process listens on at 127.0.0.1 now, drawn at random from 1024 to 65535 outside the system's
    /// ephemeral range (<see cref="EphemeralRange"/>), and not given out by this process before. It is let go before it
    /// is returned, so another process that binds that very port may take it before the caller does: a caller that must
    /// bind retries with another port (as an embedded silo does). Where fewer than 1,000 ports lie outside the ephemeral
    /// range, or none of 64 drawn could be bound, the system chooses (a port inside that range).
    /// </summary>
    public static int Free()
    {
        var (low, high) = EphemeralRange();
        var below = Math.Max(0, low - Unprivileged);
        var above = Math.Max(0, 65535 - high);
        if (below + above >= FewestToDrawFrom)
        {
            for (var attempt = 0; attempt < 64; attempt++)
            {
                var draw = Random.Shared.Next(below + above);
                var port = draw < below ? Unprivileged + draw : high + 1 + (draw - below);
                if (Take(port, below + above) && Binds(port))
                    return port;
            }
        }
        return SystemChosen();
    }

    /// <summary>
    /// The range of local ports the system gives outgoing connections and listeners bound to port 0, inclusive: on Linux
    /// as <c>/proc/sys/net/ipv4/ip_local_port_range</c> says (two numbers); elsewhere, or when that file cannot be read,
    /// IANA's dynamic range, 49152–65535 (RFC 6335, Cotton et al. 2011), which Windows and macOS use.
    /// </summary>
    /// <returns>The lowest and highest ports of the range, each 1 to 65535, the lowest no higher than the highest.</returns>
    public static (int Low, int High) EphemeralRange()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")
                .Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var high)
                && 1 <= low && low <= high && high <= 65535)
                return (low, high);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return DynamicRange;
    }

    // Records the port as given; false when it was given before. Once half the ports outside the range are given, the
    // record starts again, so that a long-lived process never runs out.
    private static bool Take(int port, int outside)
    {
        lock (Given)
        {
            if (Given.Count >= outside / 2)
                Given.Clear();
            return Given.Add(port);
        }
    }

    private static bool Binds(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int SystemChosen()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;

namespace Summits.Hosting;

/// <summary>
/// Ports on 127.0.0.1 for what a command starts for itself: an embedded silo's listener, the classroom's own
/// <c>redis-server</c>, and the servers the tests start.
/// </summary>
public static class LoopbackPort
{
    /// <summary>
    /// A TCP port no process listens on at 127.0.0.1 now, as the system chooses one (1 to 65535). It is let go
    /// before it is returned, so another process may take it before the caller binds it: a caller that must bind
    /// retries with another port (as an embedded silo does).
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

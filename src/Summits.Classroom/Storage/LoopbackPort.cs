using System.Net;
using System.Net.Sockets;

namespace Summits.Classroom;

/// <summary>Ports on 127.0.0.1 for what the classroom starts beside its pages: its silo's listener and its own <c>redis-server</c>.</summary>
internal static class LoopbackPort
{
    /// <summary>A TCP port no process listens on at 127.0.0.1 now, as the system chooses one (1 to 65535).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

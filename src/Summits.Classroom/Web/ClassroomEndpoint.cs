using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Summits.Classroom;

/// <summary>
/// Where a classroom listens and how: the loopback address over plain HTTP, which only the computer it runs on reaches;
/// or, public, an address other computers reach, over HTTPS alone with <see cref="Certificate"/>.
/// </summary>
public sealed record ClassroomEndpoint
{
    /// <param name="address">The address listened on: a loopback one, or with a certificate any address (<see cref="IPAddress.Any"/> for all of this computer's).</param>
    /// <param name="port">The TCP port, 0 to 65535; 0 lets the system choose a free one.</param>
    /// <param name="certificate">The certificate HTTPS is served with; null for plain HTTP, on a loopback address alone.</param>
    /// <exception cref="ArgumentOutOfRangeException">The port is outside 0 to 65535.</exception>
    /// <exception cref="ArgumentException">An address other than a loopback one without a certificate: other computers are served over HTTPS alone.</exception>
    public ClassroomEndpoint(IPAddress address, int port, ClassroomCertificate? certificate)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, IPEndPoint.MinPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        if (certificate is null && !IPAddress.IsLoopback(address))
            throw new ArgumentException($"{address} is reached by other computers, which the classroom serves over HTTPS alone: give a certificate", nameof(address));
        Address = address;
        Port = port;
        Certificate = certificate;
    }

    /// <summary>127.0.0.1 at <paramref name="port"/>, over plain HTTP.</summary>
    public static ClassroomEndpoint Loopback(int port) => new(IPAddress.Loopback, port, null);

    /// <summary>The address listened on.</summary>
    public IPAddress Address { get; }

    /// <summary>The port asked for; 0 when the system chooses.</summary>
    public int Port { get; }

    /// <summary>The certificate of HTTPS; null over plain HTTP.</summary>
    public ClassroomCertificate? Certificate { get; }

    /// <summary>Whether pages are served over HTTPS.</summary>
    public bool Https => Certificate is not null;

    /// <summary>Has Kestrel listen here: on this address alone (every address of this computer for <see cref="IPAddress.Any"/>), over HTTPS when there is a certificate.</summary>
    public void Listen(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        if (Address.Equals(IPAddress.Any))
            kestrel.ListenAnyIP(Port, Secure);
        else
            kestrel.Listen(Address, Port, Secure);
    }

    private void Secure(ListenOptions listen)
    {
        if (Certificate is { } certificate)
            listen.UseHttps(certificate.Certificate);
    }

    /// <summary>
    /// The address the pages are at, for <paramref name="port"/> bound: <c>http://127.0.0.1:PORT/</c> on loopback,
    /// <c>https://ADDRESS:PORT/</c> when public, ADDRESS being the one listened on or, for every address, this
    /// computer's first network address (its name when it has none).
    /// </summary>
    public Uri Shown(int port)
    {
        var host = Address.Equals(IPAddress.Any) ? ClassroomCertificate.Addresses().FirstOrDefault()?.ToString() ?? Dns.GetHostName() : Address.ToString();
        if (IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6)
            host = $"[{host}]";
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{(Https ? "https" : "http")}://{host}:{port}/"));
    }
}

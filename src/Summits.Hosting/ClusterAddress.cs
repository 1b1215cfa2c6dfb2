using System.Globalization;

namespace Summits.Hosting;

/// <summary>
/// Where a Summits cluster meets: the Redis server that holds its membership and its grains' state, written
/// <c>redis://HOST:PORT</c>. HOST is a name or an IPv4 address, or an IPv6 address in brackets (<c>redis://[::1]:6379</c>);
/// PORT is a whole number from 1 to 65535, always written.
/// </summary>
public sealed record ClusterAddress
{
    /// <summary>The scheme every address begins with.</summary>
    public const string Scheme = "redis://";

    /// <summary>What an address must be, in words, for error messages.</summary>
    public const string Expected = "a Redis server as redis://HOST:PORT, HOST a name or an IP address (IPv6 in brackets) and PORT a whole number from 1 to 65535";

    private ClusterAddress(string host, int port) => (Host, Port) = (host, port);

    /// <summary>The server's name or IP address, an IPv6 address without its brackets.</summary>
    public string Host { get; }

    /// <summary>The server's TCP port, 1 to 65535.</summary>
    public int Port { get; }

    /// <summary>The address as StackExchange.Redis reads it: <c>HOST:PORT</c>, an IPv6 host in brackets.</summary>
    public string Endpoint => (Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The address as it is written: <c>redis://HOST:PORT</c>.</summary>
    public override string ToString() => Scheme + Endpoint;

    /// <summary>
    /// The one line that refuses <paramref name="written"/> for <paramref name="option"/>, with <paramref name="why"/> from
    /// <see cref="Read"/>: <c>--cluster must be a Redis server as redis://HOST:PORT, …, not 'http://x': it does not begin
    /// with redis://</c>, the value with what may be a secret in it shown as <c>…</c> (<see cref="Unsecret"/>), escaped and
    /// cut to 40 characters.
    /// </summary>
    public static string Refusal(string option, string written, string why) =>
        $"{option} must be {Expected}, not '{ShownText.Short(Unsecret(written))}': {why}";

    /// <summary>
    /// <paramref name="written"/> with whatever in it may be a secret shown as <c>…</c>, so that no message ever prints a
    /// password: all before its last '@' after the scheme (a user and password: <c>rediss://u:pw@h:1</c> is
    /// <c>rediss://…@h:1</c>, <c>u:pw@h:1</c> is <c>…@h:1</c>), and all after the first '?' or ',' that follows (options,
    /// StackExchange.Redis's <c>h:1,password=pw</c> among them: <c>h:1,…</c>; <c>redis://h:1?password=pw</c> is
    /// <c>redis://h:1?…</c>). Any text is taken, a value that is no URL at all included; one with none of the three is
    /// returned as it is.
    /// </summary>
    public static string Unsecret(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var shown = written;
        var at = shown.LastIndexOf('@');
        if (at >= 0)
        {
            var scheme = shown.IndexOf("://", StringComparison.Ordinal);
            var kept = scheme >= 0 && scheme < at ? scheme + 3 : 0;
            shown = shown[..kept] + "…" + shown[at..];
        }
        var option = shown.IndexOfAny(['?', ','], at >= 0 ? shown.IndexOf('@', StringComparison.Ordinal) : 0);
        return option < 0 || option == shown.Length - 1 ? shown : shown[..(option + 1)] + "…";
    }

    /// <summary>Reads <paramref name="text"/> as <c>redis://HOST:PORT</c>.</summary>
    /// <returns>The address; null when <paramref name="text"/> is not one, <paramref name="why"/> then saying what is wrong in a few words.</returns>
    public static ClusterAddress? Read(string? text, out string why)
    {
        why = "";
        if (string.IsNullOrEmpty(text))
        {
            why = "it is empty";
            return null;
        }
        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            why = "it does not begin with redis://";
            return null;
        }
        var rest = text[Scheme.Length..];
        if (rest.EndsWith('/'))
            rest = rest[..^1];
        // What a Redis URL may carry beyond HOST:PORT is said as what it is, not as a malformed host or port.
        if (rest.Contains('@', StringComparison.Ordinal))
        {
            why = "a user or password (before '@') is not supported; the Redis server must take connections without one";
            return null;
        }
        if (rest.Contains('?', StringComparison.Ordinal))
        {
            why = "options (after '?') are not supported; the valid form is redis://HOST:PORT";
            return null;
        }
        if (rest.Contains(',', StringComparison.Ordinal))
        {
            why = "options (after ',') are not supported; the valid form is redis://HOST:PORT";
            return null;
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            why = $"a database ('{ShownText.Short(rest[slash..])}') is not supported; the cluster is kept in the server's database 0";
            return null;
        }
        string host;
        string port;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= rest.Length || rest[close + 1] != ':')
            {
                why = close < 0 ? "its IPv6 host has no closing ']'" : "it has no :PORT";
                return null;
            }
            host = rest[1..close];
            port = rest[(close + 2)..];
            if (!System.Net.IPAddress.TryParse(host, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                why = $"'{host}' in brackets is no IPv6 address";
                return null;
            }
        }
        else
        {
            var colon = rest.LastIndexOf(':');
            if (colon < 0)
            {
                why = rest.Length == 0 ? "it names no host" : "it has no :PORT";
                return null;
            }
            host = rest[..colon];
            port = rest[(colon + 1)..];
            if (host.Contains(':', StringComparison.Ordinal))
            {
                why = "an IPv6 host must stand in brackets";
                return null;
            }
        }
        if (host.Length == 0)
        {
            why = "it names no host";
            return null;
        }
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            why = $"'{ShownText.Short(host)}' is no host name or IP address";
            return null;
        }
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            why = port.Length == 0 ? "it has no port after the ':'" : $"its port '{ShownText.Short(port)}' is not from 1 to 65535";
            return null;
        }
        return new ClusterAddress(host, number);
    }
}

using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Summits.Classroom;

/// <summary>
/// The certificate a public classroom serves HTTPS with: one the teacher gives (a <c>.pfx</c> or <c>.p12</c> file, or a
/// <c>.pem</c> holding the certificate and its private key), or one of the classroom's own, made the first time and kept
/// in the data folder, so that it is the same at every start and the pupils check its fingerprint once.
/// </summary>
public sealed class ClassroomCertificate
{
    /// <summary>The file, in the data folder, that holds the classroom's own certificate and its key (PKCS #12, no password, readable by its owner alone).</summary>
    public const string OwnFile = "classroom-certificate.pfx";

    /// <summary>How long a certificate of the classroom's own is valid from the day it is made: 365 days; a later start makes a new one.</summary>
    public static readonly TimeSpan OwnValidity = TimeSpan.FromDays(365);

    /// <summary>The variable the password of a given certificate may be read from, so that it is not on the command line.</summary>
    public const string PasswordVariable = "SUMMITS_CERTIFICATE_PASSWORD";

    private ClassroomCertificate(X509Certificate2 certificate, string? madeIn)
    {
        Certificate = certificate;
        MadeIn = madeIn;
    }

    /// <summary>The certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The file of a certificate of the classroom's own; null for a given one.</summary>
    public string? MadeIn { get; }

    /// <summary>
    /// The certificate's SHA-256 fingerprint, as browsers show it: 32 bytes in capital hexadecimal, two digits each,
    /// joined by colons (95 characters).
    /// </summary>
    public string Fingerprint => Fingerprint256(Certificate);

    /// <summary>
    /// What the classroom says at start of its certificate: whose it is (the file given, or its own and where it is
    /// kept) and its fingerprint, which the teacher reads out so that pupils check what their browsers show.
    /// </summary>
    public string Said =>
        (MadeIn is null ? "served over HTTPS with the certificate given" : $"served over HTTPS with a certificate of its own, kept in {MadeIn}")
        + $"; its SHA-256 fingerprint, for the pupils to check in their browsers: {Fingerprint}";

    /// <summary>The SHA-256 fingerprint of <paramref name="certificate"/>'s DER bytes, written as <see cref="Fingerprint"/> is.</summary>
    public static string Fingerprint256(X509Certificate certificate) =>
        string.Join(':', SHA256.HashData(certificate.GetRawCertData()).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// The certificate at <paramref name="path"/>: a <c>.pfx</c> or <c>.p12</c> file opened with
    /// <paramref name="password"/> (none when null), or a <c>.pem</c> file with the certificate and its private key,
    /// the key encrypted when a password is given.
    /// </summary>
    /// <exception cref="CertificateException">No such file, a folder, a file of another kind (a <c>.pfx</c> that is not PKCS #12 at all among them), a password that does not open it, or no private key.</exception>
    public static ClassroomCertificate Given(string path, string? password)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
            throw new CertificateException($"{path} is a folder, not a certificate file; give a .pfx, .p12 or .pem file with the certificate and its private key");
        if (!File.Exists(path))
            throw new CertificateException($"there is no file at {path}; give a .pfx, .p12 or .pem file with the certificate and its private key");
        var kind = Path.GetExtension(path).ToLowerInvariant();
        X509Certificate2 certificate;
        try
        {
            certificate = kind switch
            {
                ".pfx" or ".p12" => X509CertificateLoader.LoadPkcs12FromFile(path, password),
                ".pem" => password is null ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password),
                _ => throw new CertificateException($"{path} is not a certificate file the classroom reads; give a .pfx, .p12 or .pem file, not '{kind}'"),
            };
        }
        catch (CryptographicException) when (kind is ".pfx" or ".p12" && !IsPkcs12(path))
        {
            throw new CertificateException($"{path} is not a PKCS #12 (.pfx or .p12) certificate file; give the file your school's certificate was exported to, with its private key");
        }
        catch (CryptographicException) when (kind is ".pfx" or ".p12")
        {
            throw new CertificateException($"{path} does not open with {(password is null ? "no password" : "the password given")}; give its password with --certificate-password or in {PasswordVariable}");
        }
        catch (CryptographicException)
        {
            throw new CertificateException($"{path} does not hold a certificate with its private key{(password is null ? "" : " that the password given opens")}; a .pem file needs both, the key encrypted only when a password is given");
        }
        catch (ArgumentException)
        {
            throw new CertificateException($"{path} does not hold a certificate with its private key; a .pem file needs both");
        }
        if (!certificate.HasPrivateKey)
            throw new CertificateException($"{path} holds a certificate without its private key; the classroom needs both to serve HTTPS");
        return new ClassroomCertificate(certificate, null);
    }

    /// <summary>Whether the file at <paramref name="path"/> is laid out as PKCS #12, whatever its password; a file of any other kind, or none that reads, is not.</summary>
    private static bool IsPkcs12(string path)
    {
        try
        {
            return X509Certificate2.GetCertContentType(path) == X509ContentType.Pkcs12;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// The classroom's own certificate, from <see cref="OwnFile"/> in <paramref name="folder"/>; made there (the folder
    /// too) when there is none or it has expired: self-signed, an ECDSA P-256 key, valid <see cref="OwnValidity"/>, for
    /// <c>localhost</c>, this computer's name and its addresses now.
    /// </summary>
    /// <exception cref="CertificateException">The folder cannot be written, or the file there is not a certificate.</exception>
    public static ClassroomCertificate Own(string folder, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var file = Path.GetFullPath(Path.Combine(folder, OwnFile));
        try
        {
            if (File.Exists(file))
            {
                var kept = X509CertificateLoader.LoadPkcs12FromFile(file, null);
                if (kept.HasPrivateKey && kept.NotAfter.ToUniversalTime() > now.UtcDateTime)
                    return new ClassroomCertificate(kept, file);
            }
            // The data folder, when made here, is its owner's alone, as the classroom's storage makes it.
            if (OperatingSystem.IsWindows())
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            else
                Directory.CreateDirectory(Path.GetDirectoryName(file)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var bytes = Make(now);
            // Written whole beside it, then put in place, readable by its owner alone: it holds the private key.
            var part = file + ".new";
            File.WriteAllBytes(part, []);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(part, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.WriteAllBytes(part, bytes);
            File.Move(part, file, overwrite: true);
            return new ClassroomCertificate(X509CertificateLoader.LoadPkcs12(bytes, null), file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CertificateException($"the classroom's own certificate cannot be kept in {Path.GetDirectoryName(file)}: {e.Message.TrimEnd('.')}; choose another folder with --data");
        }
        catch (CryptographicException)
        {
            throw new CertificateException($"{file} is not a certificate of the classroom's own; move it away, and a new one is made at the next start");
        }
    }

    /// <summary>A new self-signed certificate, exported as PKCS #12 without a password.</summary>
    private static byte[] Make(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=summits classroom", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        var host = Dns.GetHostName();
        if (Uri.CheckHostName(host) == UriHostNameType.Dns && host != "localhost")
            names.AddDnsName(host);
        foreach (var address in Addresses().Prepend(IPAddress.IPv6Loopback).Prepend(IPAddress.Loopback).Distinct())
            names.AddIpAddress(address);
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(now.AddDays(-1), now + OwnValidity);
        return made.Export(X509ContentType.Pkcs12);
    }

    /// <summary>This computer's addresses on its network interfaces that are up, but the loopback's; IPv4 ones first.</summary>
    public static IEnumerable<IPAddress> Addresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(a => a.Address))
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1);
}

/// <summary>A certificate the classroom cannot serve with; the message says why and what would be right, in one line.</summary>
public sealed class CertificateException(string message) : Exception(message);

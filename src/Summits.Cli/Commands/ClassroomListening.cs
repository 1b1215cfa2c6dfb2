using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using Summits.Classroom;

namespace Summits.Cli.Commands;

/// <summary>
/// The options of <c>summits classroom</c> that say whom it serves: 127.0.0.1 alone over plain HTTP, unless
/// <c>--public</c> is given, which serves other computers too, over HTTPS alone, with the certificate given by
/// <c>--certificate</c> or else one of the classroom's own, kept in the classroom's data folder (<c>--data</c>) so
/// that its fingerprint is the same at the next start of the same classroom.
/// </summary>
public sealed class ClassroomListening
{
    /// <summary><c>--public</c>.</summary>
    public Option<bool> Public { get; } = new("--public")
    {
        Description = "Serve other computers too, over HTTPS alone (plain HTTP is not answered): on every address of this computer unless --address names one, with the certificate of --certificate or else one of the classroom's own, whose SHA-256 fingerprint it prints",
    };

    /// <summary><c>--address IP</c>.</summary>
    public Option<string?> Address { get; } = new("--address")
    {
        Description = "The IP address listened on: 127.0.0.1 unless given; with --public every address of this computer unless given. Without --public only a loopback address (127.0.0.1, ::1) is taken",
        HelpName = "IP",
    };

    /// <summary><c>--certificate PATH</c>.</summary>
    public Option<string?> Certificate { get; } = new("--certificate")
    {
        Description = "With --public: the certificate HTTPS is served with, a .pfx or .p12 file, or a .pem file holding the certificate and its private key",
        HelpName = "PATH",
    };

    /// <summary><c>--certificate-password TEXT</c>.</summary>
    public Option<string?> Password { get; } = new("--certificate-password")
    {
        Description = $"The password of --certificate's file (or of a .pem file's key); read from {ClassroomCertificate.PasswordVariable} when not given, which keeps it off the command line",
        HelpName = "TEXT",
    };

    /// <summary>Adds the options to <paramref name="command"/>, with the checks that refuse one given where it has no effect or an address that is none.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Public);
        command.Options.Add(Address);
        command.Options.Add(Certificate);
        command.Options.Add(Password);
        Address.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !IPAddress.TryParse(result.Tokens[^1].Value, out _))
                result.AddError($"--address must be an IP address, such as 127.0.0.1 or 0.0.0.0, not '{result.Tokens[^1].Value}'");
        });
        CommandChecks.Add(command, result =>
        {
            var open = result.GetValue(Public);
            CommonOptions.RefuseUnless(result, Certificate, open, "is used with --public alone: without it the classroom serves plain HTTP on 127.0.0.1");
            CommonOptions.RefuseUnless(result, Password, result.GetValue(Certificate) is not null, "is used with --certificate alone");
            if (!open && result.GetValue(Address) is { } text && IPAddress.TryParse(text, out var address) && !IPAddress.IsLoopback(address))
                result.AddError($"--address {text} is reached by other computers; serving them needs --public (HTTPS), or give a loopback address such as 127.0.0.1");
        });
    }

    /// <summary>
    /// Where and how the classroom listens, as the parsed options say, on <paramref name="port"/>; a public one's
    /// certificate loaded, or, without <c>--certificate</c>, its own read from or made in <paramref name="data"/>.
    /// </summary>
    /// <param name="data">The classroom's data folder (<c>--data</c>, else its default for the exercise).</param>
    /// <exception cref="CertificateException">The certificate given cannot be used, or the classroom's own cannot be kept.</exception>
    public ClassroomEndpoint Endpoint(ParseResult parse, int port, string data)
    {
        var written = parse.GetValue(Address);
        if (!parse.GetValue(Public))
            return new ClassroomEndpoint(written is null ? IPAddress.Loopback : IPAddress.Parse(written), port, null);
        var certificate = parse.GetValue(Certificate) is { } path
            ? ClassroomCertificate.Given(Path.GetFullPath(path), parse.GetValue(Password) ?? Environment.GetEnvironmentVariable(ClassroomCertificate.PasswordVariable))
            : ClassroomCertificate.Own(data);
        return new ClassroomEndpoint(written is null ? IPAddress.Any : IPAddress.Parse(written), port, certificate);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Summits.Tests;

namespace Summits.Classroom.Tests;

/// <summary>
/// <c>summits classroom</c> run as a teacher runs it, as a process of its own: its stop with a page connected, its
/// lines for a wrong file and a taken port, and <c>--public</c>, which serves HTTPS alone with the certificate given
/// or one of its own. Every classroom here listens on 127.0.0.1 (<c>--address</c>) at a port the system chooses.
/// </summary>
[Collection(ClassroomCollection.Name)]
public sealed partial class ClassroomProcessTests : IDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);
    private static readonly string Exercise = SeedFiles.File("scenarios", "exercises", "north-korea-line.yaml");
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("summits-classroom-");

    public void Dispose() => _folder.Delete(recursive: true);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [Fact]
    public async Task SIGTERM_with_a_page_connected_closes_its_connection_says_stopped_and_exits_0()
    {
        using var classroom = Start(["classroom", Exercise, "--port", "0"]);
        var started = await StartedAsync(classroom, 2);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var page = await ConnectAsync(Address(started[0]), null);
        page.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        await page.InvokeAsync<JsonElement>("Join", JoinCode(started[0]));

        Assert.Equal(0, Kill(classroom.Id, SigTerm));
        var (exit, output, error) = await EndAsync(classroom);

        // The documented stop (docs/classroom.md): exit code 0, the one line after the two of the start (redis-server is
        // installed, so the tables wait in the default data folder, summits/classroom/EXERCISE under XDG_DATA_HOME),
        // nothing on standard error (no "stopped before it finished", which System.CommandLine's 30 s would have led
        // to), and the page's connection closed by the classroom rather than left to hang.
        Assert.Equal(0, exit);
        Assert.Equal($"summits classroom: stopped; its tables are kept for its next start with the data folder {Path.Combine(DataHome, "summits", "classroom", "north-korea-line")}\n", output);
        Assert.Equal("", error);
        // The client raises Closed on its own after it reads the end of the connection, which may be a moment after the
        // process has gone, so it is awaited (a connection left open would fail the wait). Closed with no exception: the
        // classroom sent SignalR's close message and ended the WebSocket with its close handshake, so the page knows it
        // was closed on purpose (a page with automatic reconnect would otherwise try again for 42 s), rather than a
        // dropped socket (a WebSocketException, "the remote party closed the WebSocket connection without completing
        // the close handshake").
        var ended = await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(ended);
    }

    [Fact]
    public async Task A_file_that_is_no_exercise_is_said_in_one_line_after_the_command_with_exit_2()
    {
        var scenario = SeedFiles.File("scenarios", "what-if", "baseline.yaml");
        using var classroom = Start(["classroom", scenario]);
        var (exit, output, error) = await EndAsync(classroom);

        // baseline.yaml is a scenario: its mapping begins at line 18, column 1 (after 17 lines of comments), has no
        // 'exercise' key and has 'scenario', so it is said to be a scenario with the command that runs one; the line
        // begins as every line of the classroom's does.
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"summits classroom: error: {scenario}:18:1: this is a scenario file, not an exercise file; summits run {scenario} runs it\n", error);
    }

    [Fact]
    public async Task The_help_says_that_tables_left_out_are_the_data_folders_number_else_1()
    {
        using var help = Start(["classroom", "--help"]);
        var (exit, output, _) = await EndAsync(help);

        // A classroom found in its data folder keeps its number of tables when --tables is left out (ClassroomStorage's
        // tablesGiven false), so a fixed "[default: 1]" would be untrue for it; the help is wrapped, so its words are
        // compared with every run of spaces and line breaks made one space.
        Assert.Equal(0, exit);
        var words = Regex.Replace(output, @"\s+", " ");
        Assert.Contains("[default: the data folder's number, else 1]", words);
        Assert.DoesNotContain("[default: 1]", words);
    }

    [Fact]
    public async Task A_port_another_program_holds_is_said_naming_the_address_once_with_exit_3()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        using var classroom = Start(["classroom", Exercise, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var (exit, output, error) = await EndAsync(classroom);

        // The address and port once, then the system's reason for a port in use (EADDRINUSE, "Address already in use"),
        // after "summits classroom: error:" as every other refusal of the command.
        Assert.Equal(3, exit);
        Assert.Equal("", output);
        Assert.Equal($"summits classroom: error: cannot listen on 127.0.0.1:{port}: Address already in use; choose another port with --port\n", error);
    }

    [Fact]
    public async Task Public_makes_a_certificate_of_its_own_prints_its_fingerprint_serves_HTTPS_alone_and_keeps_it_for_the_next_start()
    {
        var data = Path.Combine(_folder.FullName, "data");
        string first, code;
        using (var classroom = Start(["classroom", Exercise, "--public", "--address", "127.0.0.1", "--port", "0", "--data", data]))
        {
            var started = await StartedAsync(classroom, 3);
            var address = Address(started[0]);
            Assert.Equal("https", address.Scheme);
            first = Fingerprint(started[1]);
            code = JoinCode(started[0]);
            var kept = Path.Combine(data, ClassroomCertificate.OwnFile);
            Assert.Equal($"summits classroom: served over HTTPS with a certificate of its own, kept in {kept}; its SHA-256 fingerprint, for the pupils to check in their browsers: {first}", started[1]);

            // A client that trusts the printed fingerprint alone gets the teams' page, and a page's connection joins.
            await AssertServedAsync(address, first);
            await using (var page = await ConnectAsync(address, first))
                Assert.Equal("JP", (await page.InvokeAsync<JsonElement>("Join", JoinCode(started[0]))).GetProperty("actor").GetString());

            // Plain HTTP on the same port gets no page and no redirect.
            await AssertNoPlainHttpAsync(new Uri($"http://127.0.0.1:{address.Port}/"));

            // The file in the data folder holds the certificate served, readable by its owner alone (it has the key).
            using var file = X509CertificateLoader.LoadPkcs12FromFile(kept, null);
            Assert.Equal(first, Sha256(file.RawData));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kept));

            Assert.Equal(0, Kill(classroom.Id, SigTerm));
            Assert.Equal(0, (await EndAsync(classroom)).Exit);
        }

        // Started again with the same data folder: the same certificate, so the same fingerprint, and the same classroom,
        // so the same join code.
        using (var again = Start(["classroom", Exercise, "--public", "--address", "127.0.0.1", "--port", "0", "--data", data]))
        {
            var started = await StartedAsync(again, 3);
            Assert.Equal(first, Fingerprint(started[1]));
            Assert.Equal(code, JoinCode(started[0]));
            await AssertServedAsync(Address(started[0]), first);
            Assert.Equal(0, Kill(again.Id, SigTerm));
            Assert.Equal(0, (await EndAsync(again)).Exit);
        }
    }

    [Theory]
    [InlineData("pfx")]
    [InlineData("pem")]
    public async Task Public_with_a_certificate_given_serves_that_certificate(string kind)
    {
        // A certificate made here, independently of the classroom, with a password the classroom reads from the
        // environment; its fingerprint is worked out here from its own bytes.
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=classroom.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        const string Password = "lesson-7";
        var path = Path.Combine(_folder.FullName, $"school.{kind}");
        if (kind == "pfx")
            await File.WriteAllBytesAsync(path, made.Export(X509ContentType.Pkcs12, Password));
        else
            await File.WriteAllTextAsync(path, made.ExportCertificatePem() + "\n" + key.ExportEncryptedPkcs8PrivateKeyPem(Password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));
        var expected = Sha256(made.RawData);

        using var classroom = Start(["classroom", Exercise, "--public", "--address", "127.0.0.1", "--port", "0", "--certificate", path],
            new Dictionary<string, string> { [ClassroomCertificate.PasswordVariable] = Password });
        var started = await StartedAsync(classroom, 3);
        Assert.Equal($"summits classroom: served over HTTPS with the certificate given; its SHA-256 fingerprint, for the pupils to check in their browsers: {expected}", started[1]);
        await AssertServedAsync(Address(started[0]), expected);
        Assert.Equal(0, Kill(classroom.Id, SigTerm));
        Assert.Equal(0, (await EndAsync(classroom)).Exit);
    }

    [Fact]
    public async Task A_certificate_that_is_not_there_not_a_certificate_or_not_opened_by_its_password_is_one_line_and_exit_2()
    {
        var missing = Path.Combine(_folder.FullName, "none.pfx");
        using (var classroom = Start(["classroom", Exercise, "--public", "--address", "127.0.0.1", "--port", "0", "--certificate", missing]))
        {
            var (exit, output, error) = await EndAsync(classroom);
            Assert.Equal((2, ""), (exit, output));
            Assert.Equal($"summits classroom: error: there is no file at {missing}; give a .pfx, .p12 or .pem file with the certificate and its private key\n", error);
        }

        // A folder given (the test's own, which is there): said to be a folder, not that nothing is there.
        using (var classroom = Start(["classroom", Exercise, "--public", "--address", "127.0.0.1", "--port", "0", "--certificate", _folder.FullName]))
        {
            var (exit, output, error) = await EndAsync(classroom);
            Assert.Equal((2, ""), (exit, output));
            Assert.Equal($"summits classroom: error: {_folder.FullName} is a folder, not a certificate file; give a .pfx, .p12 or .pem file with the certificate and its private key\n", error);
        }

        // A .pfx of text, no PKCS #12 at all: said as what it is not, with no talk of a password (none was given).
        var junk = Path.Combine(_folder.FullName, "junk.pfx");
        await File.WriteAllTextAsync(junk, "this is not a certificate\n");
        using (var classroom = Start(["classroom", Exercise, "--public", "--address", "127.0.0.1", "--port", "0", "--certificate", junk]))
        {
            var (exit, output, error) = await EndAsync(classroom);
            Assert.Equal((2, ""), (exit, output));
            Assert.Equal($"summits classroom: error: {junk} is not a PKCS #12 (.pfx or .p12) certificate file; give the file your school's certificate was exported to, with its private key\n", error);
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var made = new CertificateRequest("CN=classroom.example", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var locked = Path.Combine(_folder.FullName, "school.pfx");
        await File.WriteAllBytesAsync(locked, made.Export(X509ContentType.Pkcs12, "the-right-one"));
        using (var classroom = Start(["classroom", Exercise, "--public", "--address", "127.0.0.1", "--port", "0", "--certificate", locked, "--certificate-password", "a-wrong-one"]))
        {
            var (exit, output, error) = await EndAsync(classroom);
            Assert.Equal((2, ""), (exit, output));
            Assert.Equal($"summits classroom: error: {locked} does not open with the password given; give its password with --certificate-password or in SUMMITS_CERTIFICATE_PASSWORD\n", error);
        }
    }

    /// <summary>GETs the teams' page with a client that trusts only a certificate of <paramref name="fingerprint"/>; it must be served.</summary>
    private static async Task AssertServedAsync(Uri address, string fingerprint)
    {
        using var client = new HttpClient(Pinned(fingerprint));
        using var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A plain HTTP request is not answered with a page nor sent elsewhere: the connection fails, or an error without a Location.</summary>
    private static async Task AssertNoPlainHttpAsync(Uri address)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        try
        {
            using var response = await client.GetAsync(address);
            Assert.False(response.IsSuccessStatusCode, $"plain HTTP was answered with {(int)response.StatusCode}");
            Assert.Null(response.Headers.Location);
        }
        catch (HttpRequestException)
        {
        }
    }

    /// <summary>A handler that accepts a server's certificate when its SHA-256 fingerprint is <paramref name="fingerprint"/>, whatever its name or issuer.</summary>
    private static SocketsHttpHandler Pinned(string fingerprint) => new()
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && Sha256(certificate.GetRawCertData()) == fingerprint },
    };

    /// <summary>A page's connection to the hub (WebSockets, no negotiation), over TLS pinned to <paramref name="fingerprint"/> when it is given.</summary>
    private static async Task<HubConnection> ConnectAsync(Uri address, string? fingerprint)
    {
        var hub = new UriBuilder(new Uri(address, ClassroomServer.HubPath)) { Scheme = address.Scheme == "https" ? "wss" : "ws" }.Uri;
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                if (fingerprint is not null)
                    o.WebSocketConfiguration = ws => ws.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && Sha256(certificate.GetRawCertData()) == fingerprint;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>SHA-256 of DER bytes, as browsers write a fingerprint: capital hexadecimal pairs joined by colons.</summary>
    private static string Sha256(byte[] der) => string.Join(':', SHA256.HashData(der).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    private static Uri Address(string started) => new(StartedLine().Match(started) is { Success: true } m ? m.Groups["address"].Value : throw new InvalidOperationException($"no address in: {started}"));

    private static string JoinCode(string started) => StartedLine().Match(started).Groups["code"].Value;

    private static string Fingerprint(string line) => FingerprintText().Match(line) is { Success: true } m ? m.Value : throw new InvalidOperationException($"no fingerprint in: {line}");

    [GeneratedRegex(@" at (?<address>https?://\S+/) for teams \(join codes: table 1 (?<code>[A-Z0-9]+)")]
    private static partial Regex StartedLine();

    [GeneratedRegex(@"[0-9A-F]{2}(:[0-9A-F]{2}){31}$")]
    private static partial Regex FingerprintText();

    /// <summary>The first <paramref name="count"/> lines of standard output: the classroom has started once they are out.</summary>
    private static async Task<string[]> StartedAsync(Process process, int count)
    {
        var lines = new string[count];
        for (var k = 0; k < count; k++)
        {
            lines[k] = await process.StandardOutput.ReadLineAsync().WaitAsync(HangGuard)
                ?? throw new InvalidOperationException($"the classroom ended ({await process.StandardError.ReadToEndAsync()}) before it started");
        }
        return lines;
    }

    /// <summary>Waits for the process to end (guarded against a hang, not timed): its exit code and the rest of its two streams, newlines as \n.</summary>
    private static async Task<(int Exit, string Output, string Error)> EndAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(HangGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the classroom did not end");
        }
        return (process.ExitCode, (await output).ReplaceLineEndings("\n"), (await error).ReplaceLineEndings("\n"));
    }

    /// <summary>The user's local data folder the classroom is given (XDG_DATA_HOME), inside the test's folder, so that a default data folder is the test's own.</summary>
    private string DataHome => Path.Combine(_folder.FullName, "share");

    /// <summary>
    /// Starts the built <c>summits</c> in the test's folder, SIGTERM at its default action (a process started from a
    /// shell's background job may inherit it ignored; <c>env --default-signal</c>, coreutils), with
    /// <see cref="DataHome"/> as its user's local data folder.
    /// </summary>
    private Process Start(string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "summits.dll");
        var host = Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["XDG_DATA_HOME"] = DataHome };
        return Process.Start(ChildProcess.Start("env", ["--default-signal=TERM", host, program, .. arguments], _folder.FullName, variables))!;
    }
}

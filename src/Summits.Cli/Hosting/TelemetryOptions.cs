using System.CommandLine;
using OpenTelemetry.Exporter;
using Summits.Cli.Telemetry;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Hosting;

/// <summary>
/// The telemetry options every command that runs grains takes: <c>--otlp</c>, <c>--otlp-protocol</c>,
/// <c>--telemetry</c>, <c>--console-telemetry</c> and <c>--telemetry-orleans</c>, read together with the
/// standard OTLP variables as the OpenTelemetry specification defines them: the general
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is a base to which each signal's path is added, a signal's own
/// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> (or <c>_METRICS_</c>, <c>_LOGS_</c>) is used as it is and wins
/// over the general one, and the same holds for the protocols. The options win over every variable.
/// </summary>
public sealed partial class TelemetryOptions
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    private const string Grpc = "grpc";
    private const string HttpProtobuf = "http/protobuf";

    /// <summary>The three signals: the word in their variables' names and their path under a base address.</summary>
    private static readonly (string Name, string Path)[] Signals =
        [("TRACES", OtlpSignals.TracesPath), ("METRICS", OtlpSignals.MetricsPath), ("LOGS", OtlpSignals.LogsPath)];

    private readonly Option<string> _otlp = new("--otlp")
    {
        Description = $"Export traces, metrics and logs over OTLP to this receiver; over HTTP its /v1/traces, /v1/metrics and /v1/logs (default: the {EndpointVariable} variables, if set)",
        HelpName = "URL",
    };

    private readonly Option<string> _protocol = new("--otlp-protocol")
    {
        Description = $"The OTLP transport: grpc or http/protobuf (default: ${ProtocolVariable}, else grpc)",
        HelpName = $"{Grpc}|{HttpProtobuf}",
    };

    private readonly Option<string> _jsonl = new("--telemetry")
    {
        Description = "Write the run's traces, metrics and logs to this file as OTLP/JSON, one export request a line, for 'summits analyze' or any OpenTelemetry back end",
        HelpName = "FILE.jsonl",
    };

    private readonly Option<bool> _console = new("--console-telemetry")
    {
        Description = "Print spans, metric points and log records to the terminal",
    };

    private readonly Option<bool> _orleans = new("--telemetry-orleans")
    {
        Description = "Also export the traces Orleans starts on its own (membership, directory, housekeeping), not only the run's",
    };

    private readonly Func<string, string?> _environment;

    private TelemetryOptions(Func<string, string?> environment)
    {
        _environment = environment;
        Commands.OptionChoices.Set(_protocol, Grpc, HttpProtobuf);
        _protocol.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } protocol && ParseProtocol(protocol) is null)
                result.AddError(ProtocolError("--otlp-protocol ", protocol));
        });
        Commands.CommonOptions.FileToWrite(_jsonl);
        _jsonl.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not { Length: > 0 } path)
                return;
            if (JsonlWriter.Problem(path) is { } problem)
                result.AddError($"--telemetry '{path}' cannot be written: {problem}");
            // A file that an output set in its folder wrote is that set's (the same check as every command's outputs).
            else if (OutputOverInput.OverOutput([CommandOutput.File("--telemetry", path)]) is { } clash)
                result.AddError(clash);
        });
        _otlp.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } url && ParseEndpoint(url) is null)
                result.AddError(UrlError("--otlp ", url));
        });
    }

    /// <summary>Adds the telemetry options to a command; read them back with <see cref="Read"/> in its action.</summary>
    public static TelemetryOptions AddTo(Command command, Func<string, string?>? environment = null)
    {
        var options = new TelemetryOptions(environment ?? Environment.GetEnvironmentVariable);
        command.Options.Add(options._otlp);
        command.Options.Add(options._protocol);
        command.Options.Add(options._jsonl);
        command.Options.Add(options._console);
        command.Options.Add(options._orleans);
        Commands.CommandChecks.Add(command, result =>
        {
            if (options.VariableError() is { } error)
            {
                result.AddError(error);
                return;
            }
            // An option that only tunes an export is refused without one, as every option that cannot apply is.
            var receiver = result.GetValue(options._otlp) is not null || options.ReceiverVariable();
            Commands.CommonOptions.RefuseUnless(result, options._protocol, receiver,
                $"applies only with an OTLP receiver to send to: give --otlp URL, or set {EndpointVariable} (or a signal's own, such as {SignalVariable("TRACES", "ENDPOINT")})");
            var exporter = receiver || result.GetValue(options._jsonl) is { Length: > 0 } || result.GetValue(options._console);
            Commands.CommonOptions.RefuseUnless(result, options._orleans, exporter,
                $"applies only with telemetry to add Orleans' traces to: --otlp URL, --telemetry FILE.jsonl, --console-telemetry or {EndpointVariable}");
        });
        return options;
    }

    /// <summary>Whether an <c>OTEL_EXPORTER_OTLP_*ENDPOINT</c> variable, the general one or a signal's own, names a receiver.</summary>
    private bool ReceiverVariable() =>
        Variable(EndpointVariable) is not null || Signals.Any(s => Variable(SignalVariable(s.Name, "ENDPOINT")) is not null);

    public TelemetrySettings Read(ParseResult parse)
    {
        var jsonl = parse.GetValue(_jsonl);
        return new TelemetrySettings(
            Otlp(parse.GetValue(_otlp), ParseProtocol(parse.GetValue(_protocol))),
            parse.GetValue(_console),
            string.IsNullOrEmpty(jsonl) ? null : jsonl,
            OrleansTraces: parse.GetValue(_orleans));
    }

    private OtlpSignals? Otlp(string? option, OtlpExportProtocol? protocolOption)
    {
        var optionBase = option is null ? null : BaseOf(ParseEndpoint(option)!);
        var generalBase = Variable(EndpointVariable) is { } general ? ParseEndpoint(general) : null;
        var generalProtocol = ParseProtocol(Variable(ProtocolVariable));

        OtlpSignal? Signal((string Name, string Path) signal)
        {
            var protocol = protocolOption ?? ParseProtocol(Variable(SignalVariable(signal.Name, "PROTOCOL"))) ?? generalProtocol ?? OtlpExportProtocol.Grpc;
            if (optionBase is not null)
                return OtlpSignal.UnderBase(optionBase, protocol, signal.Path);
            if (Variable(SignalVariable(signal.Name, "ENDPOINT")) is { } own && ParseEndpoint(own) is { } endpoint)
                return new OtlpSignal(endpoint, protocol);
            return generalBase is null ? null : OtlpSignal.UnderBase(generalBase, protocol, signal.Path);
        }

        var signals = new OtlpSignals(Signal(Signals[0]), Signal(Signals[1]), Signal(Signals[2]));
        return signals.All.Any() ? signals : null;
    }

    /// <summary>
    /// The receiver's base address from what a user gave <c>--otlp</c>: <c>http://host:4318/v1/traces</c>, the
    /// address of one signal that many write, means the receiver at <c>http://host:4318</c>.
    /// </summary>
    private static Uri BaseOf(Uri url)
    {
        var path = url.AbsolutePath.TrimEnd('/');
        foreach (var (_, signalPath) in Signals)
        {
            if (path.EndsWith("/" + signalPath, StringComparison.Ordinal))
                return new UriBuilder(url) { Path = path[..^(signalPath.Length + 1)] + "/" }.Uri;
        }
        return url;
    }

    private string? Variable(string name) => _environment(name) is { Length: > 0 } value ? value : null;

    private static string SignalVariable(string signal, string setting) => $"OTEL_EXPORTER_OTLP_{signal}_{setting}";

    private string? VariableError()
    {
        if (Variable(EndpointVariable) is { } url)
        {
            if (ParseEndpoint(url) is not { } endpoint)
                return UrlError(EndpointVariable + "=", url);
            if (Signals.FirstOrDefault(s => endpoint.AbsolutePath.TrimEnd('/').EndsWith("/" + s.Path, StringComparison.Ordinal)) is { Name: { } name, Path: { } path })
                return $"{EndpointVariable}='{url}' ends in /{path}, but it is the receiver's base address, to which /v1/traces, /v1/metrics and /v1/logs are added; " +
                    $"expected for example {BaseOf(endpoint).ToString().TrimEnd('/')}, or set {SignalVariable(name, "ENDPOINT")} for that signal alone";
        }
        if (Variable(ProtocolVariable) is { } protocol && ParseProtocol(protocol) is null)
            return ProtocolError(ProtocolVariable + "=", protocol);
        foreach (var (name, _) in Signals)
        {
            if (Variable(SignalVariable(name, "ENDPOINT")) is { } own && ParseEndpoint(own) is null)
                return UrlError(SignalVariable(name, "ENDPOINT") + "=", own);
            if (Variable(SignalVariable(name, "PROTOCOL")) is { } ownProtocol && ParseProtocol(ownProtocol) is null)
                return ProtocolError(SignalVariable(name, "PROTOCOL") + "=", ownProtocol);
        }
        return null;
    }

    /// <summary>
    /// Why <paramref name="url"/>, given by <paramref name="source"/> (<c>--otlp </c> or <c>VARIABLE=</c>), names no receiver:
    /// a port written outside 1 to 65535 is said as that (<c>http://h:99999</c>), anything else as not an absolute http or
    /// https URL.
    /// </summary>
    private static string UrlError(string source, string url) =>
        WrittenPort().Match(url) is { Success: true } port && !(int.TryParse(port.Groups["port"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535)
            ? $"{source}'{url}' has the port {port.Groups["port"].Value}, out of the range 1 to 65535; expected for example http://localhost:4317"
            : $"{source}'{url}' is not an absolute http or https URL; expected for example http://localhost:4317";

    /// <summary>The port of an http or https URL as written after its host (a name, an IPv4 address or a bracketed IPv6 one).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^https?://(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^:/?#\[\]]*):(?<port>[0-9]+)(?:[/?#]|$)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex WrittenPort();

    private static string ProtocolError(string source, string protocol) =>
        $"{source}'{protocol}' is not a protocol summits can export with; valid choices: {Listed.Or([Grpc, HttpProtobuf])}{UsageError.Suggest(protocol, [Grpc, HttpProtobuf])}";

    private static Uri? ParseEndpoint(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    private static OtlpExportProtocol? ParseProtocol(string? protocol) => protocol switch
    {
        null or "" => null,
        Grpc => OtlpExportProtocol.Grpc,
        HttpProtobuf => OtlpExportProtocol.HttpProtobuf,
        _ => null,
    };
}

using System.CommandLine;
using OpenTelemetry.Exporter;

namespace Summits.Cli.Hosting;

/// <summary>
/// The telemetry options every command that runs grains takes: <c>--otlp</c>, <c>--otlp-protocol</c>,
/// <c>--telemetry</c> and <c>--console-telemetry</c>, read together with the standard OTLP variables.
/// </summary>
public sealed class TelemetryOptions
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    private const string Grpc = "grpc";
    private const string HttpProtobuf = "http/protobuf";

    private readonly Option<string> _otlp = new("--otlp")
    {
        Description = $"Export traces, metrics and logs over OTLP to this receiver (default: ${EndpointVariable}, if set)",
        HelpName = "URL",
    };

    private readonly Option<string> _protocol = new("--otlp-protocol")
    {
        Description = $"The OTLP transport (default: ${ProtocolVariable}, else grpc)",
        HelpName = "PROTOCOL",
    };

    private readonly Option<string> _jsonl = new("--telemetry")
    {
        Description = "Write every span, metric point and log record to this file, one JSON object a line, for 'summits analyze'",
        HelpName = "FILE.jsonl",
    };

    private readonly Option<bool> _console = new("--console-telemetry")
    {
        Description = "Print spans, metric points and log records to the terminal",
    };

    private readonly Func<string, string?> _environment;

    private TelemetryOptions(Func<string, string?> environment)
    {
        _environment = environment;
        _protocol.CompletionSources.Add(Grpc, HttpProtobuf);
        _protocol.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } protocol && ParseProtocol(protocol) is null)
                result.AddError(ProtocolError("--otlp-protocol ", protocol));
        });
        _otlp.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } url && ParseEndpoint(url) is null)
                result.AddError($"--otlp '{url}' is not an absolute http or https URL; expected for example http://localhost:4317");
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
        command.Validators.Add(result =>
        {
            if (options.VariableError() is { } error)
                result.AddError(error);
        });
        return options;
    }

    public TelemetrySettings Read(ParseResult parse)
    {
        var endpoint = parse.GetValue(_otlp) is { } url ? ParseEndpoint(url) : EnvironmentEndpoint();
        var protocol = ParseProtocol(parse.GetValue(_protocol) ?? _environment(ProtocolVariable)) ?? OtlpExportProtocol.Grpc;
        var jsonl = parse.GetValue(_jsonl);
        return new TelemetrySettings(endpoint, protocol, parse.GetValue(_console), string.IsNullOrEmpty(jsonl) ? null : jsonl);
    }

    private Uri? EnvironmentEndpoint() =>
        _environment(EndpointVariable) is { Length: > 0 } url ? ParseEndpoint(url) : null;

    private string? VariableError()
    {
        if (_environment(EndpointVariable) is { Length: > 0 } url && ParseEndpoint(url) is null)
            return $"{EndpointVariable}='{url}' is not an absolute http or https URL; expected for example http://localhost:4317";
        if (_environment(ProtocolVariable) is { Length: > 0 } protocol && ParseProtocol(protocol) is null)
            return ProtocolError(ProtocolVariable + "=", protocol);
        return null;
    }

    private static string ProtocolError(string source, string protocol) =>
        $"{source}'{protocol}' is not a protocol summits can export with; valid choices: {Grpc}, {HttpProtobuf}";

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

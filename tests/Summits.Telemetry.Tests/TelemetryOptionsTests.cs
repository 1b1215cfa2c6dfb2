using System.CommandLine;
using OpenTelemetry.Exporter;
using Summits.Cli.Hosting;

namespace Summits.Telemetry.Tests;

public sealed class TelemetryOptionsTests
{
    [Fact]
    public void No_option_and_no_variable_turns_telemetry_off()
    {
        var settings = Read([]);

        Assert.Equal(TelemetrySettings.None, settings);
        Assert.False(settings.Enabled);
    }

    [Fact]
    public void Each_option_turns_on_its_exporter()
    {
        var settings = Read(["--otlp", "http://127.0.0.1:4318", "--otlp-protocol", "http/protobuf", "--telemetry", "run.jsonl", "--console-telemetry"]);

        Assert.Equal(new TelemetrySettings(OtlpSignals.To(new Uri("http://127.0.0.1:4318"), OtlpExportProtocol.HttpProtobuf), Console: true, JsonlPath: "run.jsonl"), settings);
        Assert.True(settings.Enabled);
    }

    [Fact]
    public void The_standard_variables_turn_otlp_on_and_the_options_win_over_them()
    {
        var environment = new Dictionary<string, string>
        {
            [TelemetryOptions.EndpointVariable] = "http://collector:4318",
            [TelemetryOptions.ProtocolVariable] = "http/protobuf",
        };

        Assert.Equal(new TelemetrySettings(OtlpSignals.To(new Uri("http://collector:4318"), OtlpExportProtocol.HttpProtobuf)), Read([], environment));
        Assert.Equal(new TelemetrySettings(OtlpSignals.To(new Uri("http://127.0.0.1:4317"), OtlpExportProtocol.Grpc)),
            Read(["--otlp", "http://127.0.0.1:4317", "--otlp-protocol", "grpc"], environment));
    }

    [Theory]
    // What many users write: the traces URL. The receiver's base is that URL less /v1/traces, and each signal gets its own path under it.
    [InlineData("http://collector:4318/v1/traces", "http://collector:4318/v1/traces", "http://collector:4318/v1/metrics", "http://collector:4318/v1/logs")]
    [InlineData("http://collector:4318/v1/logs/", "http://collector:4318/v1/traces", "http://collector:4318/v1/metrics", "http://collector:4318/v1/logs")]
    // The base address itself, with or without a trailing slash: the three paths are added.
    [InlineData("http://collector:4318", "http://collector:4318/v1/traces", "http://collector:4318/v1/metrics", "http://collector:4318/v1/logs")]
    // A receiver behind a path prefix keeps it: /otlp + /v1/traces.
    [InlineData("https://gateway.example/otlp/", "https://gateway.example/otlp/v1/traces", "https://gateway.example/otlp/v1/metrics", "https://gateway.example/otlp/v1/logs")]
    public void Otlp_over_http_sends_each_signal_to_its_own_path_under_the_receiver(string url, string traces, string metrics, string logs)
    {
        var settings = Read(["--otlp", url, "--otlp-protocol", "http/protobuf"]);

        Assert.Equal(Http(traces, metrics, logs), settings.Otlp);
    }

    [Fact]
    public void Otlp_over_grpc_sends_every_signal_to_the_receiver_itself()
    {
        // gRPC names the service in the call, not in the URL: all three signals go to the receiver's address.
        var settings = Read(["--otlp", "http://collector:4317/v1/traces"]);

        var receiver = new OtlpSignal(new Uri("http://collector:4317"), OtlpExportProtocol.Grpc);
        Assert.Equal(new OtlpSignals(receiver, receiver, receiver), settings.Otlp);
    }

    [Fact]
    public void A_signals_own_endpoint_variable_is_used_as_it_is_and_wins_over_the_general_one()
    {
        var environment = new Dictionary<string, string>
        {
            [TelemetryOptions.EndpointVariable] = "http://collector:4318",
            [TelemetryOptions.ProtocolVariable] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"] = "http://logs.example:9000/ingest",
        };

        // Traces and metrics: the general base plus their paths; logs: their own URL, with no path added.
        Assert.Equal(Http("http://collector:4318/v1/traces", "http://collector:4318/v1/metrics", "http://logs.example:9000/ingest"), Read([], environment).Otlp);
    }

    [Fact]
    public void A_signals_own_endpoint_alone_exports_that_signal_alone()
    {
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = "http://collector:4318/v1/traces",
            ["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"] = "http/protobuf",
        };

        var settings = Read([], environment);

        Assert.Equal(new OtlpSignals(new OtlpSignal(new Uri("http://collector:4318/v1/traces"), OtlpExportProtocol.HttpProtobuf), null, null), settings.Otlp);
        Assert.True(settings.Enabled);
    }

    [Fact]
    public void A_signals_own_protocol_variable_wins_over_the_general_one_and_the_option_over_both()
    {
        var environment = new Dictionary<string, string>
        {
            [TelemetryOptions.EndpointVariable] = "http://collector:4317",
            [TelemetryOptions.ProtocolVariable] = "grpc",
            ["OTEL_EXPORTER_OTLP_METRICS_PROTOCOL"] = "http/protobuf",
        };

        // Traces and logs over gRPC to the address; metrics over HTTP to the address plus /v1/metrics.
        var grpc = new OtlpSignal(new Uri("http://collector:4317"), OtlpExportProtocol.Grpc);
        Assert.Equal(new OtlpSignals(grpc, new OtlpSignal(new Uri("http://collector:4317/v1/metrics"), OtlpExportProtocol.HttpProtobuf), grpc), Read([], environment).Otlp);
        // --otlp and --otlp-protocol replace every variable.
        Assert.Equal(OtlpSignals.To(new Uri("http://127.0.0.1:4318"), OtlpExportProtocol.HttpProtobuf),
            Read(["--otlp", "http://127.0.0.1:4318", "--otlp-protocol", "http/protobuf"], environment).Otlp);
    }

    [Theory]
    [InlineData(TelemetryOptions.EndpointVariable, "http://collector:4318/v1/traces",
        "OTEL_EXPORTER_OTLP_ENDPOINT='http://collector:4318/v1/traces' ends in /v1/traces, but it is the receiver's base address, to which /v1/traces, /v1/metrics and /v1/logs are added; expected for example http://collector:4318, or set OTEL_EXPORTER_OTLP_TRACES_ENDPOINT for that signal alone")]
    [InlineData("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "collector:4318",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT='collector:4318' is not an absolute http or https URL; expected for example http://localhost:4317")]
    [InlineData("OTEL_EXPORTER_OTLP_LOGS_PROTOCOL", "http/json",
        "OTEL_EXPORTER_OTLP_LOGS_PROTOCOL='http/json' is not a protocol summits can export with; valid choices: grpc or http/protobuf")]
    public void A_bad_signal_variable_is_a_parse_error_naming_it(string variable, string value, string error)
    {
        var (command, _) = Command(new Dictionary<string, string> { [variable] = value });

        var parse = command.Parse([]);

        Assert.Equal(error, Assert.Single(parse.Errors).Message);
    }

    [Fact]
    public void Orleans_own_traces_are_left_out_unless_asked_for()
    {
        Assert.False(Read(["--telemetry", "run.jsonl"]).OrleansTraces);
        Assert.True(Read(["--telemetry", "run.jsonl", "--telemetry-orleans"]).OrleansTraces);
    }

    private static OtlpSignals Http(string traces, string metrics, string logs) => new(
        new OtlpSignal(new Uri(traces), OtlpExportProtocol.HttpProtobuf),
        new OtlpSignal(new Uri(metrics), OtlpExportProtocol.HttpProtobuf),
        new OtlpSignal(new Uri(logs), OtlpExportProtocol.HttpProtobuf));

    [Theory]
    [InlineData(new[] { "--otlp", "collector:4317" }, "--otlp 'collector:4317' is not an absolute http or https URL")]
    [InlineData(new[] { "--otlp", "http://localhost:4317", "--otlp-protocol", "http/json" }, "--otlp-protocol 'http/json' is not a protocol summits can export with; valid choices: grpc or http/protobuf")]
    public void A_bad_option_is_a_parse_error(string[] args, string error)
    {
        var (command, _) = Command(new Dictionary<string, string>());

        var parse = command.Parse(args);

        Assert.Contains(parse.Errors, e => e.Message.Contains(error, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_bad_variable_is_a_parse_error_naming_the_variable_and_the_choices()
    {
        var (command, _) = Command(new Dictionary<string, string> { [TelemetryOptions.ProtocolVariable] = "http/json" });

        var parse = command.Parse([]);

        var error = Assert.Single(parse.Errors);
        Assert.Equal("OTEL_EXPORTER_OTLP_PROTOCOL='http/json' is not a protocol summits can export with; valid choices: grpc or http/protobuf", error.Message);
    }

    private static TelemetrySettings Read(string[] args, Dictionary<string, string>? environment = null)
    {
        var (command, options) = Command(environment ?? []);
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        return options.Read(parse);
    }

    private static (Command, TelemetryOptions) Command(Dictionary<string, string> environment)
    {
        var command = new RootCommand();
        var options = TelemetryOptions.AddTo(command, name => environment.GetValueOrDefault(name));
        return (command, options);
    }
}

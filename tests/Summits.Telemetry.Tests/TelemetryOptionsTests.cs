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

        Assert.Equal(new TelemetrySettings(new Uri("http://127.0.0.1:4318"), OtlpExportProtocol.HttpProtobuf, Console: true, JsonlPath: "run.jsonl"), settings);
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

        Assert.Equal(new TelemetrySettings(new Uri("http://collector:4318"), OtlpExportProtocol.HttpProtobuf), Read([], environment));
        Assert.Equal(new TelemetrySettings(new Uri("http://127.0.0.1:4317"), OtlpExportProtocol.Grpc),
            Read(["--otlp", "http://127.0.0.1:4317", "--otlp-protocol", "grpc"], environment));
    }

    [Theory]
    [InlineData(new[] { "--otlp", "collector:4317" }, "--otlp 'collector:4317' is not an absolute http or https URL")]
    [InlineData(new[] { "--otlp", "http://localhost:4317", "--otlp-protocol", "http/json" }, "--otlp-protocol 'http/json' is not a protocol summits can export with; valid choices: grpc, http/protobuf")]
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
        Assert.Equal("OTEL_EXPORTER_OTLP_PROTOCOL='http/json' is not a protocol summits can export with; valid choices: grpc, http/protobuf", error.Message);
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

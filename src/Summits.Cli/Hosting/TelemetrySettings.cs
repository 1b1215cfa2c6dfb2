using OpenTelemetry.Exporter;

namespace Summits.Cli.Hosting;

/// <summary>Where a run sends its traces, metrics and logs; with none of them set, telemetry is not registered at all.</summary>
/// <param name="OtlpEndpoint">The OTLP receiver, from <c>--otlp</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; null for no OTLP export.</param>
/// <param name="OtlpProtocol">gRPC or HTTP/protobuf, from <c>--otlp-protocol</c> or <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>.</param>
/// <param name="Console">Print spans, metric points and log records to standard output.</param>
/// <param name="JsonlPath">Write one span, metric point or log record a line to this file.</param>
/// <param name="MetricsOnly">Export metrics alone: no spans, no log records, no trace carried into grain calls.</param>
public sealed record TelemetrySettings(
    Uri? OtlpEndpoint = null,
    OtlpExportProtocol OtlpProtocol = OtlpExportProtocol.Grpc,
    bool Console = false,
    string? JsonlPath = null,
    bool MetricsOnly = false)
{
    public static TelemetrySettings None { get; } = new();

    public bool Enabled => OtlpEndpoint is not null || Console || JsonlPath is not null;

    /// <summary>Whether spans are recorded and the caller's trace is carried into grain calls.</summary>
    public bool Tracing => Enabled && !MetricsOnly;
}

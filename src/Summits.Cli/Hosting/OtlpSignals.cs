using OpenTelemetry.Exporter;

namespace Summits.Cli.Hosting;

/// <summary>The OTLP destination of each signal; a signal with none is not exported over OTLP.</summary>
public sealed record OtlpSignals(OtlpSignal? Traces, OtlpSignal? Metrics, OtlpSignal? Logs)
{
    public const string TracesPath = "v1/traces";
    public const string MetricsPath = "v1/metrics";
    public const string LogsPath = "v1/logs";

    /// <summary>All three signals to one receiver, e.g. <c>http://localhost:4318</c> giving <c>/v1/traces</c>, <c>/v1/metrics</c> and <c>/v1/logs</c> over HTTP.</summary>
    public static OtlpSignals To(Uri baseAddress, OtlpExportProtocol protocol) => new(
        OtlpSignal.UnderBase(baseAddress, protocol, TracesPath),
        OtlpSignal.UnderBase(baseAddress, protocol, MetricsPath),
        OtlpSignal.UnderBase(baseAddress, protocol, LogsPath));

    public IEnumerable<OtlpSignal> All => new[] { Traces, Metrics, Logs }.OfType<OtlpSignal>();
}

namespace Summits.Cli.Hosting;

/// <summary>Where a run sends its traces, metrics and logs; with none of them set, telemetry is not registered at all.</summary>
/// <param name="Otlp">Each signal's OTLP receiver, from <c>--otlp</c> or the standard <c>OTEL_EXPORTER_OTLP_*</c> variables; null for no OTLP export.</param>
/// <param name="Console">Print spans, metric points and log records to standard output.</param>
/// <param name="JsonlPath">Write the run's telemetry to this file as OTLP/JSON, one export request a line.</param>
/// <param name="MetricsOnly">Export metrics alone: no spans, no log records, no trace carried into grain calls.</param>
/// <param name="OrleansTraces">Also record the traces Orleans starts on its own (membership, directory, housekeeping), not only the run's.</param>
public sealed record TelemetrySettings(
    OtlpSignals? Otlp = null,
    bool Console = false,
    string? JsonlPath = null,
    bool MetricsOnly = false,
    bool OrleansTraces = false)
{
    public static TelemetrySettings None { get; } = new();

    public bool Enabled => Otlp is not null || Console || JsonlPath is not null;

    /// <summary>Whether spans are recorded and the caller's trace is carried into grain calls.</summary>
    public bool Tracing => Enabled && !MetricsOnly;
}

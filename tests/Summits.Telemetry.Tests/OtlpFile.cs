using System.Text.Json;
using Google.Protobuf;
using Opentelemetry.Proto.Collector.Logs.V1;
using Opentelemetry.Proto.Collector.Metrics.V1;
using Opentelemetry.Proto.Collector.Trace.V1;
using Opentelemetry.Proto.Common.V1;
using Opentelemetry.Proto.Logs.V1;
using Opentelemetry.Proto.Trace.V1;

namespace Summits.Telemetry.Tests;

/// <summary>
/// A telemetry file read the way an OpenTelemetry back end reads OTLP/JSON: each line parsed into the export
/// request its top-level field names, by Google.Protobuf's <see cref="JsonParser"/> with the message types
/// generated from the opentelemetry-proto files. A line that is not a valid request (an unknown field, a value
/// of the wrong type) throws <see cref="InvalidProtocolBufferException"/>; one with another top-level field throws
/// <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class OtlpFile
{
    /// <summary>Unknown fields are errors: a misspelt or invented field is caught, not skipped.</summary>
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public List<ExportTraceServiceRequest> Traces { get; } = [];
    public List<ExportMetricsServiceRequest> Metrics { get; } = [];
    public List<ExportLogsServiceRequest> Logs { get; } = [];

    /// <summary>Every line of the file as written, parsed as plain JSON (for what the protobuf types cannot show, such as the ids' spelling).</summary>
    public List<JsonElement> Json { get; } = [];

    public static OtlpFile Read(string path)
    {
        var file = new OtlpFile();
        foreach (var line in File.ReadLines(path))
        {
            var json = JsonDocument.Parse(line).RootElement;
            file.Json.Add(json);
            switch (json.EnumerateObject().Single().Name)
            {
                case "resourceSpans":
                    file.Traces.Add(Parser.Parse<ExportTraceServiceRequest>(line));
                    break;
                case "resourceMetrics":
                    file.Metrics.Add(Parser.Parse<ExportMetricsServiceRequest>(line));
                    break;
                case "resourceLogs":
                    file.Logs.Add(Parser.Parse<ExportLogsServiceRequest>(line));
                    break;
                default:
                    throw new InvalidOperationException($"a line that is no OTLP export request: {line}");
            }
        }
        return file;
    }

    public IEnumerable<FileSpan> Spans =>
        from request in Traces
        from resource in request.ResourceSpans
        from scope in resource.ScopeSpans
        from span in scope.Spans
        select new FileSpan(Id(span.TraceId), Id(span.SpanId), span.ParentSpanId.IsEmpty ? null : Id(span.ParentSpanId), span.Name, span.Kind,
            scope.Scope.Name, Values(span.Attributes), Values(resource.Resource.Attributes), span);

    public IEnumerable<FileLog> LogRecords =>
        from request in Logs
        from resource in request.ResourceLogs
        from scope in resource.ScopeLogs
        from record in scope.LogRecords
        select new FileLog(scope.Scope.Name, record.Body.StringValue, record.TraceId.IsEmpty ? null : Id(record.TraceId),
            record.SpanId.IsEmpty ? null : Id(record.SpanId), Values(record.Attributes), record);

    /// <summary>
    /// An id as the file spells it. OTLP/JSON writes ids in hex where proto3 JSON expects base64; hex digits are
    /// base64 characters, so the parser took the 32 (or 16) hex characters as base64 and encoding the bytes back
    /// gives the same characters.
    /// </summary>
    public static string Id(ByteString id) => id.ToBase64();

    private static Dictionary<string, AnyValue> Values(IEnumerable<KeyValue> attributes) => attributes.ToDictionary(a => a.Key, a => a.Value);
}

/// <summary>A span of the file with its scope (the activity source) and its resource.</summary>
public sealed record FileSpan(string TraceId, string SpanId, string? ParentSpanId, string Name, Span.Types.SpanKind Kind, string Scope,
    Dictionary<string, AnyValue> Attributes, Dictionary<string, AnyValue> Resource, Span Raw)
{
    public string? Text(string key) => Attributes.TryGetValue(key, out var value) ? value.StringValue : null;
}

/// <summary>A log record of the file with its scope (the logger's category).</summary>
public sealed record FileLog(string Category, string Message, string? TraceId, string? SpanId, Dictionary<string, AnyValue> Attributes, LogRecord Raw);

using System.Diagnostics;
using OpenTelemetry;

namespace Summits.Cli.Telemetry;

/// <summary>Writes each batch of finished spans as one OTLP/JSON <c>ExportTraceServiceRequest</c> line, spans grouped by their source.</summary>
public sealed class OtlpJsonSpanExporter(JsonlWriter lines) : JsonlExporter<Activity>(lines)
{
    public override ExportResult Export(in Batch<Activity> batch) =>
        WriteRequest("resourceSpans", "scopeSpans", "spans",
            [.. Collect(batch).GroupBy(s => (s.Source.Name, s.Source.Version)).Select(g => new Scope(g.Key.Name, g.Key.Version, [.. g]))],
            WriteSpan);

    private static void WriteSpan(System.Text.Json.Utf8JsonWriter json, Activity span)
    {
        json.WriteStartObject();
        json.WriteString("traceId", span.TraceId.ToHexString());
        json.WriteString("spanId", span.SpanId.ToHexString());
        if (!string.IsNullOrEmpty(span.TraceStateString))
            json.WriteString("traceState", span.TraceStateString);
        if (span.ParentSpanId != default)
            json.WriteString("parentSpanId", span.ParentSpanId.ToHexString());
        json.WriteString("name", span.DisplayName);
        // SpanKind: ActivityKind counts from Internal = 0, OTLP from SPAN_KIND_INTERNAL = 1.
        json.WriteNumber("kind", (int)span.Kind + 1);
        json.WriteString("startTimeUnixNano", OtlpJson.UnixNano(span.StartTimeUtc));
        json.WriteString("endTimeUnixNano", OtlpJson.UnixNano(span.StartTimeUtc + span.Duration));
        OtlpJson.WriteAttributes(json, "attributes", span.TagObjects);
        json.WriteStartArray("events");
        foreach (var e in span.Events)
        {
            json.WriteStartObject();
            json.WriteString("timeUnixNano", OtlpJson.UnixNano(e.Timestamp));
            json.WriteString("name", e.Name);
            OtlpJson.WriteAttributes(json, "attributes", e.Tags);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("links");
        foreach (var link in span.Links)
        {
            json.WriteStartObject();
            json.WriteString("traceId", link.Context.TraceId.ToHexString());
            json.WriteString("spanId", link.Context.SpanId.ToHexString());
            OtlpJson.WriteAttributes(json, "attributes", link.Tags);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        // Status codes: STATUS_CODE_UNSET = 0, OK = 1, ERROR = 2, as ActivityStatusCode numbers them.
        json.WriteStartObject("status");
        if (span.Status != ActivityStatusCode.Unset)
            json.WriteNumber("code", (int)span.Status);
        if (!string.IsNullOrEmpty(span.StatusDescription))
            json.WriteString("message", span.StatusDescription);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}

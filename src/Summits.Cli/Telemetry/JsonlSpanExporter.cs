using System.Diagnostics;
using OpenTelemetry;

namespace Summits.Cli.Telemetry;

/// <summary>Writes each finished span as one <c>"type": "span"</c> line of the run's JSONL file.</summary>
public sealed class JsonlSpanExporter(JsonlWriter lines) : JsonlExporter<Activity>(lines)
{

    public override ExportResult Export(in Batch<Activity> batch)
    {
        var resource = ParentProvider?.GetResource();
        using var lines = Lines.Begin();
        foreach (var span in batch)
        {
            var json = lines.Json;
            json.WriteStartObject();
            json.WriteString("type", "span");
            json.WriteString("traceId", span.TraceId.ToHexString());
            json.WriteString("spanId", span.SpanId.ToHexString());
            if (span.ParentSpanId == default)
                json.WriteNull("parentSpanId");
            else
                json.WriteString("parentSpanId", span.ParentSpanId.ToHexString());
            json.WriteString("name", span.DisplayName);
            json.WriteString("kind", span.Kind.ToString().ToLowerInvariant());
            json.WriteString("source", span.Source.Name);
            json.WriteString("start", TelemetryJson.Time(span.StartTimeUtc));
            json.WriteNumber("durationMs", span.Duration.TotalMilliseconds);
            json.WriteString("status", span.Status.ToString().ToLowerInvariant());
            if (!string.IsNullOrEmpty(span.StatusDescription))
                json.WriteString("statusDescription", span.StatusDescription);
            TelemetryJson.WriteAttributes(json, "attributes", span.TagObjects);
            if (span.Events.Any())
            {
                json.WriteStartArray("events");
                foreach (var e in span.Events)
                {
                    json.WriteStartObject();
                    json.WriteString("name", e.Name);
                    json.WriteString("time", TelemetryJson.Time(e.Timestamp.UtcDateTime));
                    TelemetryJson.WriteAttributes(json, "attributes", e.Tags);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            TelemetryJson.WriteResource(json, resource);
            json.WriteEndObject();
            lines.EndLine();
        }
        return ExportResult.Success;
    }
}

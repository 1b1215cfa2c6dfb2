using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Summits.Cli.Telemetry;

/// <summary>Writes each log record as one <c>"type": "log"</c> line of the run's JSONL file, with the ids of the span it was written in.</summary>
public sealed class JsonlLogExporter(JsonlWriter lines) : JsonlExporter<LogRecord>(lines)
{
    private const string OriginalFormat = "{OriginalFormat}";

    public override ExportResult Export(in Batch<LogRecord> batch)
    {
        var resource = ParentProvider?.GetResource();
        using var lines = Lines.Begin();
        foreach (var record in batch)
        {
            var json = lines.Json;
            json.WriteStartObject();
            json.WriteString("type", "log");
            json.WriteString("time", TelemetryJson.Time(record.Timestamp));
            json.WriteString("level", record.LogLevel.ToString());
            json.WriteString("category", record.CategoryName);
            json.WriteString("message", record.FormattedMessage ?? record.Body);
            if (record.EventId.Id != 0 || record.EventId.Name is not null)
                json.WriteString("event", record.EventId.Name ?? record.EventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (record.TraceId == default)
            {
                json.WriteNull("traceId");
                json.WriteNull("spanId");
            }
            else
            {
                json.WriteString("traceId", record.TraceId.ToHexString());
                json.WriteString("spanId", record.SpanId.ToHexString());
            }
            TelemetryJson.WriteAttributes(json, "attributes", record.Attributes?.Where(a => a.Key != OriginalFormat));
            if (record.Exception is { } exception)
                json.WriteString("exception", $"{exception.GetType().FullName}: {exception.Message}");
            TelemetryJson.WriteResource(json, resource);
            json.WriteEndObject();
            lines.EndLine();
        }
        return ExportResult.Success;
    }
}

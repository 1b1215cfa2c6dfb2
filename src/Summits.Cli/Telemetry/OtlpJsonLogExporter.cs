using System.Globalization;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Summits.Cli.Telemetry;

/// <summary>
/// Writes each batch of log records as one OTLP/JSON <c>ExportLogsServiceRequest</c> line, records grouped by
/// their category (the scope), each with the ids of the span it was written in.
/// </summary>
public sealed class OtlpJsonLogExporter(JsonlWriter lines) : JsonlExporter<LogRecord>(lines)
{
    private const string OriginalFormat = "{OriginalFormat}";

    public override ExportResult Export(in Batch<LogRecord> batch)
    {
        // A record is only valid until the batch moves on, so each is written as it comes; each run of
        // records of one category is a scope.
        Request? request = null;
        string? scope = null;
        try
        {
            foreach (var record in batch)
            {
                request ??= BeginRequest("resourceLogs", "scopeLogs", "logRecords");
                var category = record.CategoryName ?? "";
                if (scope != category)
                {
                    request.Scope(category, null);
                    scope = category;
                }
                WriteRecord(request.Json, record);
            }
        }
        finally
        {
            request?.Dispose();
        }
        return ExportResult.Success;
    }

    private static void WriteRecord(System.Text.Json.Utf8JsonWriter json, LogRecord record)
    {
        json.WriteStartObject();
        json.WriteString("timeUnixNano", OtlpJson.UnixNano(record.Timestamp));
        json.WriteString("observedTimeUnixNano", OtlpJson.UnixNano(record.Timestamp));
        json.WriteNumber("severityNumber", SeverityNumber(record.LogLevel));
        json.WriteString("severityText", record.LogLevel.ToString());
        json.WritePropertyName("body");
        OtlpJson.WriteAnyValue(json, record.FormattedMessage ?? record.Body ?? "");
        var attributes = (record.Attributes ?? []).Where(a => a.Key != OriginalFormat).ToList();
        if (record.EventId.Name is { } eventName)
            attributes.Add(new("event.name", eventName));
        if (record.EventId.Id != 0)
            attributes.Add(new("event.id", record.EventId.Id));
        if (record.Exception is { } exception)
        {
            attributes.Add(new("exception.type", exception.GetType().FullName));
            attributes.Add(new("exception.message", exception.Message));
        }
        OtlpJson.WriteAttributes(json, "attributes", attributes);
        if (record.TraceId != default)
        {
            json.WriteNumber("flags", (int)record.TraceFlags);
            json.WriteString("traceId", record.TraceId.ToHexString());
            json.WriteString("spanId", record.SpanId.ToHexString());
        }
        json.WriteEndObject();
    }

    /// <summary>The OTLP severity number of a log level: the first of each range (TRACE 1, DEBUG 5, INFO 9, WARN 13, ERROR 17, FATAL 21).</summary>
    public static int SeverityNumber(LogLevel level) => level switch
    {
        LogLevel.Trace => 1,
        LogLevel.Debug => 5,
        LogLevel.Information => 9,
        LogLevel.Warning => 13,
        LogLevel.Error => 17,
        LogLevel.Critical => 21,
        _ => 0,
    };
}

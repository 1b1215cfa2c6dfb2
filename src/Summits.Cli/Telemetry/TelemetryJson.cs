using System.Collections;
using System.Globalization;
using System.Text.Json;
using OpenTelemetry.Resources;

namespace Summits.Cli.Telemetry;

/// <summary>How the JSONL exporters write the parts that spans, metric points and log records share.</summary>
public static class TelemetryJson
{
    /// <summary>ISO-8601 in UTC with all seven fractional digits, so no two ticks print alike.</summary>
    public static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    public static void WriteResource(Utf8JsonWriter json, Resource? resource)
    {
        string? service = null, instance = null;
        foreach (var (key, value) in resource?.Attributes ?? [])
        {
            if (key == "service.name")
                service = value?.ToString();
            else if (key == "service.instance.id")
                instance = value?.ToString();
        }
        json.WriteString("service", service);
        json.WriteString("instance", instance);
    }

    public static void WriteAttributes(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, object?>>? attributes)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in attributes ?? [])
        {
            json.WritePropertyName(key);
            WriteValue(json, value);
        }
        json.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong or decimal:
                json.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items)
                    WriteValue(json, item);
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}

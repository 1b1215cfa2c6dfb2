using System.Collections;
using System.Globalization;
using System.Text.Json;
using OpenTelemetry.Resources;

namespace Summits.Cli.Telemetry;

/// <summary>
/// The parts of OTLP/JSON (the JSON mapping of the OTLP protobuf messages, as the OpenTelemetry specification's
/// "OTLP/HTTP JSON encoding" and the Collector's file exporter write it) that spans, metrics and logs share:
/// field names in lowerCamelCase, trace and span ids as hex strings, enums as integers, 64-bit integers and
/// nanosecond times as decimal strings.
/// </summary>
public static class OtlpJson
{
    /// <summary>Nanoseconds since the Unix epoch, as the decimal string proto3 JSON gives a <c>fixed64</c>.</summary>
    public static string UnixNano(DateTime utc) =>
        ((DateTime.SpecifyKind(utc, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks * 100).ToString(CultureInfo.InvariantCulture);

    public static string UnixNano(DateTimeOffset time) => UnixNano(time.UtcDateTime);

    /// <summary><c>"resource": {"attributes": [...]}</c> of the provider that exports.</summary>
    public static void WriteResource(Utf8JsonWriter json, Resource? resource)
    {
        json.WriteStartObject("resource");
        WriteAttributes(json, "attributes", resource?.Attributes.Select(a => new KeyValuePair<string, object?>(a.Key, a.Value)));
        json.WriteEndObject();
    }

    /// <summary><c>"scope": {"name": ..., "version": ...}</c>: the instrumentation scope (activity source, meter or log category).</summary>
    public static void WriteScope(Utf8JsonWriter json, string name, string? version)
    {
        json.WriteStartObject("scope");
        json.WriteString("name", name);
        if (!string.IsNullOrEmpty(version))
            json.WriteString("version", version);
        json.WriteEndObject();
    }

    /// <summary>A <c>repeated KeyValue</c> field: <c>[{"key": "k", "value": {"stringValue": "v"}}, ...]</c>; null values are left out.</summary>
    public static void WriteAttributes(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, object?>>? attributes)
    {
        json.WriteStartArray(name);
        foreach (var (key, value) in attributes ?? [])
        {
            if (value is null)
                continue;
            json.WriteStartObject();
            json.WriteString("key", key);
            json.WritePropertyName("value");
            WriteAnyValue(json, value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>An <c>AnyValue</c>: one of stringValue, boolValue, intValue (a decimal string), doubleValue or arrayValue.</summary>
    public static void WriteAnyValue(Utf8JsonWriter json, object? value)
    {
        json.WriteStartObject();
        switch (value)
        {
            case string s:
                json.WriteString("stringValue", s);
                break;
            case bool b:
                json.WriteBoolean("boolValue", b);
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                json.WriteString("intValue", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case double or float or decimal or ulong:
                WriteDouble(json, "doubleValue", Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case IEnumerable items:
                json.WriteStartObject("arrayValue");
                json.WriteStartArray("values");
                foreach (var item in items)
                    WriteAnyValue(json, item);
                json.WriteEndArray();
                json.WriteEndObject();
                break;
            default:
                json.WriteString("stringValue", Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
        json.WriteEndObject();
    }

    /// <summary>A <c>double</c> field; proto3 JSON spells the values JSON has no number for as strings.</summary>
    public static void WriteDouble(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
            json.WriteNumber(name, value);
        else
            json.WriteString(name, double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }

    /// <summary>A 64-bit integer field (<c>int64</c>, <c>fixed64</c>), which proto3 JSON writes as a decimal string.</summary>
    public static void WriteInt64(Utf8JsonWriter json, string name, long value) =>
        json.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
}

using System.Text.Json;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Summits.Cli.Telemetry;

/// <summary>Writes each metric point as one <c>"type": "metric"</c> line of the run's JSONL file.</summary>
public sealed class JsonlMetricExporter(JsonlWriter lines) : JsonlExporter<Metric>(lines)
{

    public override ExportResult Export(in Batch<Metric> batch)
    {
        var resource = ParentProvider?.GetResource();
        using var lines = Lines.Begin();
        foreach (var metric in batch)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var json = lines.Json;
                json.WriteStartObject();
                json.WriteString("type", "metric");
                json.WriteString("name", metric.Name);
                json.WriteString("unit", metric.Unit);
                json.WriteString("kind", Kind(metric.MetricType));
                json.WriteString("meter", metric.MeterName);
                json.WriteStartObject("tags");
                foreach (var tag in point.Tags)
                {
                    json.WritePropertyName(tag.Key);
                    TelemetryJson.WriteValue(json, tag.Value);
                }
                json.WriteEndObject();
                WriteValue(json, metric.MetricType, in point);
                json.WriteString("start", TelemetryJson.Time(point.StartTime.UtcDateTime));
                json.WriteString("time", TelemetryJson.Time(point.EndTime.UtcDateTime));
                TelemetryJson.WriteResource(json, resource);
                json.WriteEndObject();
                lines.EndLine();
            }
        }
        return ExportResult.Success;
    }

    private static string Kind(MetricType type) => type switch
    {
        MetricType.LongSum or MetricType.DoubleSum => "counter",
        MetricType.LongSumNonMonotonic or MetricType.DoubleSumNonMonotonic => "updown-counter",
        MetricType.LongGauge or MetricType.DoubleGauge => "gauge",
        MetricType.Histogram => "histogram",
        MetricType.ExponentialHistogram => "exponential-histogram",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static void WriteValue(Utf8JsonWriter json, MetricType type, in MetricPoint point)
    {
        switch (type)
        {
            case MetricType.LongSum or MetricType.LongSumNonMonotonic:
                json.WriteNumber("value", point.GetSumLong());
                break;
            case MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic:
                json.WriteNumber("value", point.GetSumDouble());
                break;
            case MetricType.LongGauge:
                json.WriteNumber("value", point.GetGaugeLastValueLong());
                break;
            case MetricType.DoubleGauge:
                json.WriteNumber("value", point.GetGaugeLastValueDouble());
                break;
            case MetricType.Histogram:
                json.WriteNumber("count", point.GetHistogramCount());
                json.WriteNumber("sum", point.GetHistogramSum());
                if (point.TryGetHistogramMinMaxValues(out var min, out var max))
                {
                    json.WriteNumber("min", min);
                    json.WriteNumber("max", max);
                }
                json.WriteStartArray("buckets");
                foreach (var bucket in point.GetHistogramBuckets())
                {
                    json.WriteStartObject();
                    // The last bucket has no upper bound; JSON has no infinity, so it is null.
                    if (double.IsPositiveInfinity(bucket.ExplicitBound))
                        json.WriteNull("le");
                    else
                        json.WriteNumber("le", bucket.ExplicitBound);
                    json.WriteNumber("count", bucket.BucketCount);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                break;
            case MetricType.ExponentialHistogram:
                json.WriteNumber("count", point.GetHistogramCount());
                json.WriteNumber("sum", point.GetHistogramSum());
                break;
        }
    }
}

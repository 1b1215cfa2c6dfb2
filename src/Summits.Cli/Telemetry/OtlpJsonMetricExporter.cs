using System.Text.Json;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Summits.Cli.Telemetry;

/// <summary>
/// Writes each collection of metrics as one OTLP/JSON <c>ExportMetricsServiceRequest</c> line: metrics grouped
/// by meter, each a sum, gauge, histogram or exponential histogram with one data point per tag combination.
/// </summary>
public sealed class OtlpJsonMetricExporter(JsonlWriter lines) : JsonlExporter<Metric>(lines)
{
    /// <summary>AggregationTemporality in OTLP: AGGREGATION_TEMPORALITY_DELTA = 1, CUMULATIVE = 2.</summary>
    private const int Delta = 1, Cumulative = 2;

    public override ExportResult Export(in Batch<Metric> batch) =>
        WriteRequest("resourceMetrics", "scopeMetrics", "metrics",
            [.. Collect(batch).GroupBy(m => (m.MeterName, m.MeterVersion)).Select(g => new Scope(g.Key.MeterName, g.Key.MeterVersion, [.. g]))],
            WriteMetric);

    private static void WriteMetric(Utf8JsonWriter json, Metric metric)
    {
        json.WriteStartObject();
        json.WriteString("name", metric.Name);
        if (!string.IsNullOrEmpty(metric.Description))
            json.WriteString("description", metric.Description);
        if (!string.IsNullOrEmpty(metric.Unit))
            json.WriteString("unit", metric.Unit);
        var temporality = metric.Temporality == AggregationTemporality.Delta ? Delta : Cumulative;
        switch (metric.MetricType)
        {
            case MetricType.LongSum or MetricType.DoubleSum or MetricType.LongSumNonMonotonic or MetricType.DoubleSumNonMonotonic:
                json.WriteStartObject("sum");
                WriteNumberPoints(json, metric);
                json.WriteNumber("aggregationTemporality", temporality);
                json.WriteBoolean("isMonotonic", metric.MetricType is MetricType.LongSum or MetricType.DoubleSum);
                json.WriteEndObject();
                break;
            case MetricType.LongGauge or MetricType.DoubleGauge:
                json.WriteStartObject("gauge");
                WriteNumberPoints(json, metric);
                json.WriteEndObject();
                break;
            case MetricType.Histogram:
                json.WriteStartObject("histogram");
                WriteHistogramPoints(json, metric);
                json.WriteNumber("aggregationTemporality", temporality);
                json.WriteEndObject();
                break;
            case MetricType.ExponentialHistogram:
                json.WriteStartObject("exponentialHistogram");
                WriteExponentialHistogramPoints(json, metric);
                json.WriteNumber("aggregationTemporality", temporality);
                json.WriteEndObject();
                break;
        }
        json.WriteEndObject();
    }

    private static void WritePointStart(Utf8JsonWriter json, in MetricPoint point)
    {
        json.WriteStartObject();
        json.WriteStartArray("attributes");
        foreach (var tag in point.Tags)
        {
            if (tag.Value is null)
                continue;
            json.WriteStartObject();
            json.WriteString("key", tag.Key);
            json.WritePropertyName("value");
            OtlpJson.WriteAnyValue(json, tag.Value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("startTimeUnixNano", OtlpJson.UnixNano(point.StartTime));
        json.WriteString("timeUnixNano", OtlpJson.UnixNano(point.EndTime));
    }

    private static void WriteNumberPoints(Utf8JsonWriter json, Metric metric)
    {
        json.WriteStartArray("dataPoints");
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            WritePointStart(json, point);
            switch (metric.MetricType)
            {
                case MetricType.LongSum or MetricType.LongSumNonMonotonic:
                    OtlpJson.WriteInt64(json, "asInt", point.GetSumLong());
                    break;
                case MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic:
                    OtlpJson.WriteDouble(json, "asDouble", point.GetSumDouble());
                    break;
                case MetricType.LongGauge:
                    OtlpJson.WriteInt64(json, "asInt", point.GetGaugeLastValueLong());
                    break;
                case MetricType.DoubleGauge:
                    OtlpJson.WriteDouble(json, "asDouble", point.GetGaugeLastValueDouble());
                    break;
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteHistogramPoints(Utf8JsonWriter json, Metric metric)
    {
        json.WriteStartArray("dataPoints");
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            WritePointStart(json, point);
            OtlpJson.WriteInt64(json, "count", point.GetHistogramCount());
            OtlpJson.WriteDouble(json, "sum", point.GetHistogramSum());
            var counts = new List<long>();
            var bounds = new List<double>();
            foreach (var bucket in point.GetHistogramBuckets())
            {
                counts.Add(bucket.BucketCount);
                // The last bucket has no upper bound: OTLP lists one bound fewer than counts.
                if (!double.IsPositiveInfinity(bucket.ExplicitBound))
                    bounds.Add(bucket.ExplicitBound);
            }
            json.WriteStartArray("bucketCounts");
            foreach (var count in counts)
                json.WriteStringValue(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndArray();
            json.WriteStartArray("explicitBounds");
            foreach (var bound in bounds)
                json.WriteNumberValue(bound);
            json.WriteEndArray();
            if (point.TryGetHistogramMinMaxValues(out var min, out var max))
            {
                OtlpJson.WriteDouble(json, "min", min);
                OtlpJson.WriteDouble(json, "max", max);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteExponentialHistogramPoints(Utf8JsonWriter json, Metric metric)
    {
        json.WriteStartArray("dataPoints");
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            WritePointStart(json, point);
            OtlpJson.WriteInt64(json, "count", point.GetHistogramCount());
            OtlpJson.WriteDouble(json, "sum", point.GetHistogramSum());
            var data = point.GetExponentialHistogramData();
            json.WriteNumber("scale", data.Scale);
            OtlpJson.WriteInt64(json, "zeroCount", data.ZeroCount);
            json.WriteStartObject("positive");
            json.WriteNumber("offset", data.PositiveBuckets.Offset);
            json.WriteStartArray("bucketCounts");
            foreach (var count in data.PositiveBuckets)
                json.WriteStringValue(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndArray();
            json.WriteEndObject();
            if (point.TryGetHistogramMinMaxValues(out var min, out var max))
            {
                OtlpJson.WriteDouble(json, "min", min);
                OtlpJson.WriteDouble(json, "max", max);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}

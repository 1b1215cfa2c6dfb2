using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Summits.Cli.Telemetry;

namespace Summits.Telemetry.Tests;

public sealed partial class JsonlExporterTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"summits-jsonl-{Guid.NewGuid():N}.jsonl");
    private readonly string _name = $"Summits.Tests.{Guid.NewGuid():N}";

    [Fact]
    public void A_span_is_one_line_with_ids_timing_status_attributes_and_service()
    {
        using var source = new ActivitySource(_name);
        ActivityTraceId traceId;
        ActivitySpanId parentId, childId;
        using (var tracing = Sdk.CreateTracerProviderBuilder()
                   .ConfigureResource(r => r.AddService("summits"))
                   .AddSource(_name)
                   .AddProcessor(new SimpleActivityExportProcessor(new JsonlSpanExporter(new JsonlWriter(_path))))
                   .Build())
        {
            using var parent = source.StartActivity("summits.proposal", ActivityKind.Internal)!;
            using (var child = source.StartActivity("summits.evaluate", ActivityKind.Client)!)
            {
                child.SetTag("summits.actor", "JP");
                child.SetTag("summits.value.before", 40.5);
                child.SetTag("summits.round", 3);
                child.SetTag("summits.final", true);
                child.SetTag("summits.parties", new[] { "JP", "US" });
                child.SetStatus(ActivityStatusCode.Error, "JP walked out");
                childId = child.SpanId;
            }
            traceId = parent.TraceId;
            parentId = parent.SpanId;
        }

        var lines = Lines();

        Assert.Equal(2, lines.Count);
        var child1 = lines[0];
        Assert.Equal("span", child1.GetProperty("type").GetString());
        Assert.Equal(traceId.ToHexString(), child1.GetProperty("traceId").GetString());
        Assert.Equal(childId.ToHexString(), child1.GetProperty("spanId").GetString());
        Assert.Equal(parentId.ToHexString(), child1.GetProperty("parentSpanId").GetString());
        Assert.Equal("summits.evaluate", child1.GetProperty("name").GetString());
        Assert.Equal("client", child1.GetProperty("kind").GetString());
        Assert.Equal(_name, child1.GetProperty("source").GetString());
        Assert.Matches(IsoTicks(), child1.GetProperty("start").GetString());
        Assert.True(child1.GetProperty("durationMs").GetDouble() >= 0);
        Assert.Equal("error", child1.GetProperty("status").GetString());
        Assert.Equal("JP walked out", child1.GetProperty("statusDescription").GetString());
        var attributes = child1.GetProperty("attributes");
        Assert.Equal("JP", attributes.GetProperty("summits.actor").GetString());
        Assert.Equal(40.5, attributes.GetProperty("summits.value.before").GetDouble());
        Assert.Equal(3, attributes.GetProperty("summits.round").GetInt64());
        Assert.True(attributes.GetProperty("summits.final").GetBoolean());
        Assert.Equal(["JP", "US"], attributes.GetProperty("summits.parties").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("summits", child1.GetProperty("service").GetString());
        Assert.False(string.IsNullOrEmpty(child1.GetProperty("instance").GetString()));

        var root = lines[1];
        Assert.Equal(JsonValueKind.Null, root.GetProperty("parentSpanId").ValueKind);
        Assert.Equal("unset", root.GetProperty("status").GetString());
    }

    [Fact]
    public void Metric_points_carry_their_tags_and_a_value_or_histogram_buckets()
    {
        using var meter = new Meter(_name);
        using (var metering = Sdk.CreateMeterProviderBuilder()
                   .ConfigureResource(r => r.AddService("summits"))
                   .AddMeter(_name)
                   .AddView("shift", new ExplicitBucketHistogramConfiguration { Boundaries = [1, 5] })
                   .AddReader(new PeriodicExportingMetricReader(new JsonlMetricExporter(new JsonlWriter(_path))))
                   .Build())
        {
            var proposals = meter.CreateCounter<long>("proposals", "{proposal}");
            proposals.Add(2, new KeyValuePair<string, object?>("summits.topic", "fta"));
            proposals.Add(1, new KeyValuePair<string, object?>("summits.topic", "tpp"));
            var shift = meter.CreateHistogram<double>("shift", "{scale point}");
            shift.Record(0.5);
            shift.Record(3);
            shift.Record(9);
        }

        var lines = Lines();

        Assert.All(lines, l => Assert.Equal("metric", l.GetProperty("type").GetString()));
        var fta = Assert.Single(lines, l => l.GetProperty("name").GetString() == "proposals" && l.GetProperty("tags").GetProperty("summits.topic").GetString() == "fta");
        Assert.Equal(2, fta.GetProperty("value").GetInt64());
        Assert.Equal("counter", fta.GetProperty("kind").GetString());
        Assert.Equal("{proposal}", fta.GetProperty("unit").GetString());
        Assert.Matches(IsoTicks(), fta.GetProperty("time").GetString());
        Assert.Equal("summits", fta.GetProperty("service").GetString());

        var histogram = Assert.Single(lines, l => l.GetProperty("name").GetString() == "shift");
        Assert.Equal("histogram", histogram.GetProperty("kind").GetString());
        Assert.Equal(3, histogram.GetProperty("count").GetInt64());
        Assert.Equal(12.5, histogram.GetProperty("sum").GetDouble());
        Assert.Equal(0.5, histogram.GetProperty("min").GetDouble());
        Assert.Equal(9, histogram.GetProperty("max").GetDouble());
        var buckets = histogram.GetProperty("buckets").EnumerateArray()
            .Select(b => (b.GetProperty("le").ValueKind == JsonValueKind.Null ? (double?)null : b.GetProperty("le").GetDouble(), b.GetProperty("count").GetInt64()))
            .ToList();
        Assert.Equal([(1d, 1L), (5d, 1L), (null, 1L)], buckets);
    }

    [Fact]
    public void A_log_record_carries_the_ids_of_the_span_it_was_written_in()
    {
        using var source = new ActivitySource(_name);
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(_name).Build();
        ActivityTraceId traceId;
        ActivitySpanId spanId;
        using (var logging = LoggerFactory.Create(builder => builder.AddOpenTelemetry(o =>
               {
                   o.IncludeFormattedMessage = true;
                   o.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("summits"));
                   o.AddProcessor(new SimpleLogRecordExportProcessor(new JsonlLogExporter(new JsonlWriter(_path))));
               })))
        {
            var logger = logging.CreateLogger("Summits.Test");
            using var span = source.StartActivity("summits.proposal")!;
            LogMoved(logger, "JP", 12.5);
            traceId = span.TraceId;
            spanId = span.SpanId;
        }

        var log = Assert.Single(Lines());

        Assert.Equal("log", log.GetProperty("type").GetString());
        Assert.Equal("Information", log.GetProperty("level").GetString());
        Assert.Equal("Summits.Test", log.GetProperty("category").GetString());
        Assert.Equal("JP moved 12.5 points", log.GetProperty("message").GetString());
        Assert.Equal(traceId.ToHexString(), log.GetProperty("traceId").GetString());
        Assert.Equal(spanId.ToHexString(), log.GetProperty("spanId").GetString());
        Assert.Equal("JP", log.GetProperty("attributes").GetProperty("Actor").GetString());
        Assert.Equal(12.5, log.GetProperty("attributes").GetProperty("Shift").GetDouble());
        Assert.False(log.GetProperty("attributes").TryGetProperty("{OriginalFormat}", out _));
        Assert.Matches(IsoTicks(), log.GetProperty("time").GetString());
        Assert.Equal("summits", log.GetProperty("service").GetString());
    }

    [Fact]
    public void Spans_metrics_and_logs_share_one_file_that_closes_when_the_last_exporter_shuts_down()
    {
        var writer = new JsonlWriter(_path);
        var spans = new JsonlSpanExporter(writer);
        var metrics = new JsonlMetricExporter(writer);

        spans.Shutdown();
        Assert.Throws<IOException>(() => File.Open(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose());

        metrics.Shutdown();
        File.Open(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose();
    }

    public void Dispose() => File.Delete(_path);

    private List<JsonElement> Lines() =>
        [.. File.ReadAllLines(_path).Select(line => JsonDocument.Parse(line).RootElement)];

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$")]
    private static partial Regex IsoTicks();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} moved {Shift} points")]
    private static partial void LogMoved(ILogger logger, string actor, double shift);
}

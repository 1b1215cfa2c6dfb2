using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Opentelemetry.Proto.Logs.V1;
using OtlpMetrics = Opentelemetry.Proto.Metrics.V1;
using OtlpTrace = Opentelemetry.Proto.Trace.V1;
using Summits.Cli.Telemetry;

namespace Summits.Telemetry.Tests;

/// <summary>
/// The file exporters in process, each line read back through the OTLP protobuf messages' JSON mapping
/// (<see cref="OtlpFile"/>): what was recorded is what an OpenTelemetry back end reads.
/// </summary>
public sealed partial class OtlpJsonExporterTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"summits-otlp-{Guid.NewGuid():N}.jsonl");
    private readonly string _name = $"Summits.Tests.{Guid.NewGuid():N}";

    [Fact]
    public void A_span_is_an_export_trace_request_with_ids_kind_timing_status_attributes_scope_and_resource()
    {
        using var source = new ActivitySource(_name, "1.2.3");
        ActivityTraceId traceId;
        ActivitySpanId parentId, childId;
        TimeSpan childDuration;
        var writer = new JsonlWriter(_path);
        using (var tracing = Sdk.CreateTracerProviderBuilder()
                   .ConfigureResource(r => r.AddService("summits"))
                   .AddSource(_name)
                   .AddProcessor(new SimpleActivityExportProcessor(new OtlpJsonSpanExporter(writer)))
                   .Build())
        {
            using var parent = source.StartActivity("summits.proposal", ActivityKind.Internal)!;
            var child = source.StartActivity("summits.evaluate", ActivityKind.Client)!;
            child.SetTag("summits.actor", "JP");
            child.SetTag("summits.value.before", 40.5);
            child.SetTag("summits.round", 3);
            child.SetTag("summits.final", true);
            child.SetTag("summits.parties", new[] { "JP", "US" });
            child.SetStatus(ActivityStatusCode.Error, "JP walked out");
            child.Dispose();
            childId = child.SpanId;
            childDuration = child.Duration;
            traceId = parent.TraceId;
            parentId = parent.SpanId;
        }
        // The run finished: the file written beside takes its place.
        writer.Finish(finished: true);

        var file = OtlpFile.Read(_path);

        // The simple processor exports each span as it ends: the child's request first, then the parent's.
        Assert.Equal(2, file.Traces.Count);
        var evaluate = file.Spans.First();
        Assert.Equal((traceId.ToHexString(), childId.ToHexString(), parentId.ToHexString()), (evaluate.TraceId, evaluate.SpanId, evaluate.ParentSpanId));
        Assert.Equal("summits.evaluate", evaluate.Name);
        // ActivityKind.Client is 2; OTLP counts from SPAN_KIND_INTERNAL = 1, so CLIENT = 3.
        Assert.Equal(OtlpTrace.Span.Types.SpanKind.Client, evaluate.Kind);
        Assert.Equal((_name, "1.2.3"), (evaluate.Scope, file.Traces[0].ResourceSpans[0].ScopeSpans[0].Scope.Version));
        Assert.Equal(OtlpTrace.Status.Types.StatusCode.Error, evaluate.Raw.Status.Code);
        Assert.Equal("JP walked out", evaluate.Raw.Status.Message);
        // Nanoseconds: a tick is 100 ns.
        Assert.Equal(childDuration.Ticks * 100, (long)(evaluate.Raw.EndTimeUnixNano - evaluate.Raw.StartTimeUnixNano));
        Assert.Equal("JP", evaluate.Attributes["summits.actor"].StringValue);
        Assert.Equal(40.5, evaluate.Attributes["summits.value.before"].DoubleValue);
        Assert.Equal(3, evaluate.Attributes["summits.round"].IntValue);
        Assert.True(evaluate.Attributes["summits.final"].BoolValue);
        Assert.Equal(["JP", "US"], evaluate.Attributes["summits.parties"].ArrayValue.Values.Select(v => v.StringValue));
        Assert.Equal("summits", evaluate.Resource["service.name"].StringValue);
        Assert.False(string.IsNullOrEmpty(evaluate.Resource["service.instance.id"].StringValue));

        var proposal = file.Spans.Last();
        Assert.Null(proposal.ParentSpanId);
        Assert.Equal(OtlpTrace.Span.Types.SpanKind.Internal, proposal.Kind);
        Assert.Equal(OtlpTrace.Status.Types.StatusCode.Unset, proposal.Raw.Status.Code);
        // OTLP/JSON spells ids in lower-case hex: 32 characters for a trace, 16 for a span.
        Assert.All(file.Json, line => Assert.Matches("\"traceId\":\"[0-9a-f]{32}\",\"spanId\":\"[0-9a-f]{16}\"", line.GetRawText()));
    }

    [Fact]
    public void Metrics_are_an_export_metrics_request_of_sums_and_histograms_with_their_points()
    {
        using var meter = new Meter(_name);
        var writer = new JsonlWriter(_path);
        using (var metering = Sdk.CreateMeterProviderBuilder()
                   .ConfigureResource(r => r.AddService("summits"))
                   .AddMeter(_name)
                   .AddView("shift", new ExplicitBucketHistogramConfiguration { Boundaries = [1, 5] })
                   .AddReader(new PeriodicExportingMetricReader(new OtlpJsonMetricExporter(writer)))
                   .Build())
        {
            var counter = meter.CreateCounter<long>("proposals", "{proposal}", "Proposals made");
            counter.Add(2, new KeyValuePair<string, object?>("summits.topic", "fta"));
            counter.Add(1, new KeyValuePair<string, object?>("summits.topic", "tpp"));
            var histogram = meter.CreateHistogram<double>("shift", "{scale point}");
            histogram.Record(0.5);
            histogram.Record(3);
            histogram.Record(9);
        }
        writer.Finish(finished: true);

        var file = OtlpFile.Read(_path);

        // The reader exports once, when the provider shuts down.
        var request = Assert.Single(file.Metrics);
        var scope = Assert.Single(request.ResourceMetrics.Single().ScopeMetrics);
        Assert.Equal(_name, scope.Scope.Name);
        Assert.Equal("summits", request.ResourceMetrics.Single().Resource.Attributes.Single(a => a.Key == "service.name").Value.StringValue);

        var proposals = scope.Metrics.Single(m => m.Name == "proposals");
        Assert.Equal(("{proposal}", "Proposals made", OtlpMetrics.Metric.DataOneofCase.Sum), (proposals.Unit, proposals.Description, proposals.DataCase));
        Assert.True(proposals.Sum.IsMonotonic);
        Assert.Equal(OtlpMetrics.AggregationTemporality.Cumulative, proposals.Sum.AggregationTemporality);
        Assert.Equal([("fta", 2L), ("tpp", 1L)],
            proposals.Sum.DataPoints.Select(p => (p.Attributes.Single(a => a.Key == "summits.topic").Value.StringValue, p.AsInt)).Order());

        // 0.5 falls in (-inf, 1], 3 in (1, 5], 9 in (5, +inf): one each; OTLP lists the two bounds and three counts.
        var shift = scope.Metrics.Single(m => m.Name == "shift").Histogram.DataPoints.Single();
        Assert.Equal((3UL, 12.5, 0.5, 9d), (shift.Count, shift.Sum, shift.Min, shift.Max));
        Assert.Equal([1UL, 1UL, 1UL], shift.BucketCounts);
        Assert.Equal([1d, 5d], shift.ExplicitBounds);
        Assert.True(shift.TimeUnixNano >= shift.StartTimeUnixNano);
    }

    [Fact]
    public void A_log_record_is_an_export_logs_request_with_the_ids_of_the_span_it_was_written_in()
    {
        using var source = new ActivitySource(_name);
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(_name).Build();
        ActivityTraceId traceId;
        ActivitySpanId spanId;
        var writer = new JsonlWriter(_path);
        using (var logging = LoggerFactory.Create(builder => builder.AddOpenTelemetry(o =>
               {
                   o.IncludeFormattedMessage = true;
                   o.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("summits"));
                   o.AddProcessor(new SimpleLogRecordExportProcessor(new OtlpJsonLogExporter(writer)));
               })))
        {
            var logger = logging.CreateLogger("Summits.Test");
            using var span = source.StartActivity("summits.proposal")!;
            LogMoved(logger, "JP", 12.5);
            traceId = span.TraceId;
            spanId = span.SpanId;
        }
        writer.Finish(finished: true);

        var file = OtlpFile.Read(_path);

        var log = Assert.Single(file.LogRecords);
        Assert.Equal("Summits.Test", log.Category);
        Assert.Equal("JP moved 12.5 points", log.Message);
        // Information is the first of the INFO range, 9.
        Assert.Equal((SeverityNumber.Info, "Information"), (log.Raw.SeverityNumber, log.Raw.SeverityText));
        Assert.Equal((traceId.ToHexString(), spanId.ToHexString()), (log.TraceId, log.SpanId));
        Assert.Equal("JP", log.Attributes["Actor"].StringValue);
        Assert.Equal(12.5, log.Attributes["Shift"].DoubleValue);
        Assert.Equal("LogMoved", log.Attributes["event.name"].StringValue);
        Assert.False(log.Attributes.ContainsKey("{OriginalFormat}"));
        Assert.True(log.Raw.TimeUnixNano > 0);
        Assert.Equal("summits", file.Logs.Single().ResourceLogs.Single().Resource.Attributes.Single(a => a.Key == "service.name").Value.StringValue);
    }

    [Fact]
    public void Spans_metrics_and_logs_share_one_file_that_closes_when_the_last_exporter_shuts_down()
    {
        var writer = new JsonlWriter(_path);
        var spans = new OtlpJsonSpanExporter(writer);
        var metrics = new OtlpJsonMetricExporter(writer);

        // While the run goes the lines go to the file beside the target (FILE.partial), held open by the writer.
        spans.Shutdown();
        Assert.Throws<IOException>(() => File.Open(writer.Writing, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose());

        metrics.Shutdown();
        File.Open(writer.Writing, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose();
        writer.Finish(finished: true);
        Assert.True(File.Exists(_path));
        Assert.False(File.Exists(writer.Writing));
    }

    public void Dispose()
    {
        File.Delete(_path);
        File.Delete(_path + ".partial");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} moved {Shift} points")]
    private static partial void LogMoved(ILogger logger, string actor, double shift);
}

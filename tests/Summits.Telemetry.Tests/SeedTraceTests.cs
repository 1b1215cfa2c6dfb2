using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Summits.Cli.Commands;
using Summits.Grains;

namespace Summits.Telemetry.Tests;

[Collection(TelemetryCollection.Name)]
public sealed class SeedTraceTests(TelemetryCluster cluster)
{
    [Fact]
    public async Task Seed_span_holds_the_grain_calls_of_seeding_and_read_back_in_one_trace()
    {
        var world = TelemetryCluster.World("trace");

        await SeedCommand.SeedAndReadBackAsync(cluster.Client, world, NullLogger.Instance);

        var spans = cluster.ExportedSpans();
        var seed = Assert.Single(spans, s => s.OperationName == SummitsTelemetry.SeedSpan && Equals(s.GetTagItem(SummitsTelemetry.World), world.Id));
        Assert.Equal(SummitsTelemetry.Name, seed.Source.Name);
        Assert.Equal(default, seed.ParentSpanId);

        var trace = spans.Where(s => s.TraceId == seed.TraceId).ToList();
        var names = trace.Select(s => s.DisplayName).ToHashSet();
        Assert.Contains("IWorldGrain/Seed", names);
        Assert.Contains("ICountryGrain/Seed", names);
        Assert.Contains("ITopicGrain/Seed", names);
        Assert.Contains("IWorldGrain/Snapshot", names);
        // The read-back asks each country and topic for its state as of the world's last completed advance.
        Assert.Contains("ICountryGrain/AsOf", names);
        Assert.Contains("ITopicGrain/AsOf", names);

        // One server span per country and per topic seeded: the fan-out stayed inside the run's trace.
        Assert.Equal(world.Actors.Length, trace.Count(s => s.DisplayName == "ICountryGrain/Seed" && s.Kind == ActivityKind.Server));
        Assert.Equal(world.Topics.Length, trace.Count(s => s.DisplayName == "ITopicGrain/Seed" && s.Kind == ActivityKind.Server));

        // Every span of the trace hangs, through its parents, from the seed span.
        var byId = trace.ToDictionary(s => s.SpanId);
        foreach (var span in trace.Where(s => s != seed))
        {
            var parent = span.ParentSpanId;
            while (byId.TryGetValue(parent, out var up) && up != seed)
                parent = up.ParentSpanId;
            Assert.True(parent == seed.SpanId, $"{span.DisplayName} ({span.Source.Name}) does not descend from the seed span");
        }
        Assert.All(trace.Where(s => s != seed), s => Assert.StartsWith("Microsoft.Orleans.", s.Source.Name));
    }

    [Fact]
    public async Task No_span_is_exported_twice()
    {
        await SeedCommand.SeedAndReadBackAsync(cluster.Client, TelemetryCluster.World("once"), NullLogger.Instance);

        var spans = cluster.ExportedSpans();

        Assert.True(spans.Count > 20, $"expected the seeding's spans, saw {spans.Count}");
        var repeated = spans.GroupBy(s => (s.TraceId, s.SpanId)).Where(g => g.Count() > 1).Select(g => g.First().DisplayName).ToList();
        Assert.Empty(repeated);
    }
}

using System.Text.Json;
using Summits.Grains;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Telemetry.Tests;

/// <summary>A real receiver: <c>summits seed</c> and <c>summits run</c> export over OTLP to the Aspire Dashboard, and its API gives the trace back.</summary>
public sealed class DashboardTests(AspireDashboard dashboard) : IClassFixture<AspireDashboard>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("summits-dashboard-").FullName;

    private const string RunAttribute = "summits.test.run";
    private const int Server = 2;

    public static TheoryData<string> Ways =>
        ["--otlp grpc", "--otlp http/protobuf", "--otlp .../v1/traces http/protobuf", "OTEL_EXPORTER_OTLP_* http/protobuf", "OTEL_EXPORTER_OTLP_TRACES_/LOGS_* http/protobuf"];

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task A_seed_run_reads_back_from_the_dashboard_as_one_trace_with_its_grain_calls(string way)
    {
        var run = Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string> { ["OTEL_RESOURCE_ATTRIBUTES"] = $"{RunAttribute}={run}" };
        List<string> args = ["seed", "--world", SummitsProcess.WorldFile];
        switch (way)
        {
            case "--otlp grpc":
                args.AddRange(["--otlp", dashboard.OtlpGrpc.ToString()]);
                break;
            case "--otlp http/protobuf":
                args.AddRange(["--otlp", dashboard.OtlpHttp.ToString(), "--otlp-protocol", "http/protobuf"]);
                break;
            case "--otlp .../v1/traces http/protobuf":
                // The traces URL, as many users write it: the log record below arrives only if logs go to /v1/logs.
                args.AddRange(["--otlp", new Uri(dashboard.OtlpHttp, "/v1/traces").ToString(), "--otlp-protocol", "http/protobuf"]);
                break;
            case "OTEL_EXPORTER_OTLP_* http/protobuf":
                environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = dashboard.OtlpHttp.ToString();
                environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                break;
            default:
                // Each signal's own variable, used as it is: the full URL of the signal.
                environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = new Uri(dashboard.OtlpHttp, "/v1/traces").ToString();
                environment["OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"] = new Uri(dashboard.OtlpHttp, "/v1/logs").ToString();
                environment["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"] = "http/protobuf";
                environment["OTEL_EXPORTER_OTLP_LOGS_PROTOCOL"] = "http/protobuf";
                break;
        }

        var (exit, _, error) = await SummitsProcess.RunAsync(args, environment);
        Assert.True(exit == 0, $"summits seed exited {exit}: {error}");
        Assert.DoesNotContain("not delivered", error);

        var traceId = await dashboard.WaitForTraceAsync(RunAttribute, run, SummitsTelemetry.SeedSpan);
        using var document = JsonDocument.Parse(await dashboard.Api.GetStringAsync($"/api/telemetry/traces/{traceId}"));
        var trace = AspireDashboard.OtlpSpans(document.RootElement).ToList();

        var seed = Assert.Single(trace, s => s.Name == SummitsTelemetry.SeedSpan);
        Assert.Equal(SummitsTelemetry.Name, seed.Scope);
        Assert.Equal("abe-trump-2017-11-06", seed.Attributes[SummitsTelemetry.World]);
        Assert.Equal("summits", seed.Resource["service.name"]);
        Assert.Equal(4, trace.Count(s => s.Name == "ICountryGrain/Seed" && s.Kind == Server && s.Scope == "Microsoft.Orleans.Application"));
        Assert.Equal(16, trace.Count(s => s.Name == "ITopicGrain/Seed" && s.Kind == Server));
        Assert.Contains(trace, s => s.Name == "IWorldGrain/Snapshot" && s.Kind == Server);

        var byId = trace.ToDictionary(s => s.SpanId);
        foreach (var span in trace.Where(s => s != seed))
        {
            var parent = span.ParentSpanId;
            while (parent is not null && byId.TryGetValue(parent, out var up) && up != seed)
                parent = up.ParentSpanId;
            Assert.True(parent == seed.SpanId, $"{span.Name} does not descend from the seed span");
        }

        // The log record written inside the seed span arrives with the span's ids.
        using var logs = JsonDocument.Parse(await dashboard.Api.GetStringAsync("/api/telemetry/logs"));
        var seeded = logs.RootElement.GetProperty("data").GetProperty("resourceLogs").EnumerateArray()
            .Where(r => AspireDashboard.Attributes(r.GetProperty("resource")).GetValueOrDefault(RunAttribute) == run)
            .SelectMany(r => r.GetProperty("scopeLogs").EnumerateArray())
            .SelectMany(s => s.GetProperty("logRecords").EnumerateArray())
            .Single(l => l.GetProperty("body").GetProperty("stringValue").GetString()!.StartsWith("Seeded world", StringComparison.Ordinal));
        Assert.Equal(traceId, seeded.GetProperty("traceId").GetString());
        Assert.Equal(seed.SpanId, seeded.GetProperty("spanId").GetString());
    }

    [Fact]
    public async Task A_scenario_run_reads_back_as_one_trace_of_steps_proposals_and_each_recipients_evaluation_in_its_grain_call()
    {
        var run = Guid.NewGuid().ToString("N");
        var output = Path.Combine(_directory, "out");
        var environment = new Dictionary<string, string> { ["OTEL_RESOURCE_ATTRIBUTES"] = $"{RunAttribute}={run}" };

        var (exit, _, error) = await SummitsProcess.RunAsync(
            ["run", WhatIf.Path("okinawa-realignment-friction"), "--otlp", dashboard.OtlpGrpc.ToString(), "--out", output, "-q"], environment);
        Assert.True(exit == 0, $"summits run exited {exit}: {error}");
        Assert.DoesNotContain("not delivered", error);

        var timeline = File.ReadLines(Path.Combine(output, "timeline.jsonl"))
            .Select(line => JsonSerializer.Deserialize<TimelineEvent>(line, SummitsJson.Compact)!)
            .ToList();
        var answers = timeline.Where(WhatIf.IsAnswer).ToList();
        // The trace list names the run by its scenario: the root span is "run" and the scenario's id.
        var traceId = await dashboard.WaitForTraceAsync(RunAttribute, run, "run okinawa-realignment-friction");
        var trace = await TraceAsync(traceId, t => t.Count(s => s.Name == SummitsTelemetry.EvaluateSpan) >= answers.Count);

        var root = Assert.Single(trace, s => s.Name == "run okinawa-realignment-friction");
        Assert.Null(root.ParentSpanId);
        var byId = trace.ToDictionary(s => s.SpanId);
        OtlpSpan? Parent(OtlpSpan span) => span.ParentSpanId is { } id ? byId.GetValueOrDefault(id) : null;
        bool Under(OtlpSpan span, OtlpSpan ancestor)
        {
            for (var up = Parent(span); up is not null; up = Parent(up))
                if (up == ancestor)
                    return true;
            return false;
        }
        // The forty grain calls that seed the world sit under one span, so the waterfall can fold them.
        var seeding = Assert.Single(trace, s => s.Name == SummitsTelemetry.SeedSpan);
        Assert.Equal(root.SpanId, seeding.ParentSpanId);
        // 4 countries and 16 topics, each seeded by one grain call: a client and a server span apiece.
        Assert.Equal(40, trace.Count(s => s.Name is "ICountryGrain/Seed" or "ITopicGrain/Seed"));
        Assert.All(trace.Where(s => s.Name is "ICountryGrain/Seed" or "ITopicGrain/Seed"), s => Assert.True(Under(s, seeding), $"{s.Name} is not inside the seeding span"));
        // Orleans' own housekeeping (membership table reads, timers) starts traces of its own: by default none is exported,
        // so every span this process sent belongs to the run's one trace.
        var sent = await SpansOfRunAsync(run);
        Assert.Equal([traceId], sent.Select(s => s.TraceId).Distinct());
        Assert.Equal("okinawa-realignment-friction", root.Attributes[SummitsTelemetry.Scenario]);
        Assert.All(trace.Where(s => s != root), s => Assert.True(Under(s, root), $"{s.Name} does not descend from the run span"));

        var steps = trace.Where(s => s.Name == SummitsTelemetry.StepSpan).Select(s => s.Attributes[SummitsTelemetry.Step]).Order();
        Assert.Equal(timeline.Select(e => e.Step).Distinct().Order(), steps);

        // The recipients of the scenario: JP answers the US's reaffirmation, the US answers Japan's ask for relief.
        Assert.Contains(answers, e => (e.Actor, e.Cause) == ("JP", "us-reaffirms"));
        Assert.Contains(answers, e => (e.Actor, e.Cause) == ("US", "japan-asks-relief"));
        foreach (var answer in answers)
        {
            var proposal = Assert.Single(trace, s => s.Name == SummitsTelemetry.ProposalSpan && s.Attributes[SummitsTelemetry.ProposalId] == answer.Cause);
            Assert.Equal(SummitsTelemetry.StepSpan, Parent(proposal)!.Name);
            Assert.Equal(answer.Step, Parent(proposal)!.Attributes[SummitsTelemetry.Step]);
            var evaluation = Assert.Single(trace, s => s.Name == SummitsTelemetry.EvaluateSpan && s.Attributes[SummitsTelemetry.ProposalId] == answer.Cause);
            Assert.Equal((answer.Actor, WhatIf.Answer(answer)), (evaluation.Attributes[SummitsTelemetry.Actor], evaluation.Attributes[SummitsTelemetry.Outcome]));
            var server = Parent(evaluation)!;
            Assert.Equal(("ICountryGrain/Evaluate", Server, "Microsoft.Orleans.Application"), (server.Name, server.Kind, server.Scope));
            Assert.True(Under(server, proposal), $"the evaluation of {answer.Cause} by {answer.Actor} is not inside its proposal span");
        }

        var moves = trace.Where(s => s.Name == SummitsTelemetry.MoveSpan).ToList();
        Assert.Equal(timeline.Count(e => e.Kind == EventKind.Move), moves.Count);
        Assert.Equal(
            timeline.Where(e => e.Kind is EventKind.AgreementStrained or EventKind.AgreementBreached).Select(e => (e.Cause, e.Kind == EventKind.AgreementStrained ? "strained" : "breached")),
            trace.Where(s => s.Name == SummitsTelemetry.AgreementSpan).Select(s => (s.Attributes[SummitsTelemetry.Cause]!, s.Attributes[SummitsTelemetry.Outcome]!)).OrderBy(c => c.Item2 == "breached"));
    }

    [Fact]
    public async Task Orleans_housekeeping_traces_come_back_with_telemetry_orleans()
    {
        var run = Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string> { ["OTEL_RESOURCE_ATTRIBUTES"] = $"{RunAttribute}={run}" };

        var (exit, _, error) = await SummitsProcess.RunAsync(
            ["run", WhatIf.Path("okinawa-realignment-friction"), "--otlp", dashboard.OtlpGrpc.ToString(), "-q", "--telemetry-orleans"], environment);
        Assert.True(exit == 0, $"summits run exited {exit}: {error}");

        var traceId = await dashboard.WaitForTraceAsync(RunAttribute, run, "run okinawa-realignment-friction");
        // The silo reads and writes its membership table as it starts (IMembershipTable/ReadAllAsync, InsertRowAsync,
        // UpdateRowAsync), each call a trace of its own outside the run's.
        var sent = await SpansOfRunAsync(run);
        Assert.Contains(sent, s => s.TraceId != traceId && s.ParentSpanId is null && s.Name.StartsWith("IMembershipTable/", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Every span the dashboard holds from the process that carried <paramref name="run"/> in its resource.</summary>
    private async Task<List<OtlpSpan>> SpansOfRunAsync(string run)
    {
        using var document = JsonDocument.Parse(await dashboard.Api.GetStringAsync("/api/telemetry/traces"));
        return [.. AspireDashboard.OtlpSpans(document.RootElement).Where(s => s.Resource.GetValueOrDefault(RunAttribute) == run)];
    }

    /// <summary>The trace from the dashboard's API, read again (bounded) until it holds what the run sent.</summary>
    private async Task<List<OtlpSpan>> TraceAsync(string traceId, Func<List<OtlpSpan>, bool> complete)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var document = JsonDocument.Parse(await dashboard.Api.GetStringAsync($"/api/telemetry/traces/{traceId}"));
            var trace = AspireDashboard.OtlpSpans(document.RootElement).ToList();
            if (complete(trace) || DateTime.UtcNow > deadline)
                return trace;
            await Task.Delay(200);
        }
    }
}

using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Summits.Cli;
using Summits.Cli.Analysis;
using Summits.Cli.Commands;
using Summits.Cli.Telemetry;
using Summits.Grains;
using Summits.Scenarios;

namespace Summits.Telemetry.Tests;

public sealed class AnalyzeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("summits-analyze-").FullName;

    /// <summary>
    /// Two proposals by the US: fta alone (JP rejects and moves 20 → 25.5, 10 ms), then a package of
    /// fta and defense (JP accepts, UK counters, agreement made on both, 30 ms); then a strain and a
    /// breach of fta by JP.
    /// </summary>
    private static readonly string[] Run = Lines(Span);

    /// <summary>
    /// <c>summits analyze FILES</c> as the program runs it: a failure it does not handle becomes its line on
    /// <paramref name="error"/> and its exit code by <see cref="CommandFailure"/>.
    /// </summary>
    private static int Analyze(IReadOnlyList<string> files, TextWriter output, TextWriter error)
    {
        try
        {
            return AnalyzeCommand.Run(files, null, output, error);
        }
        catch (Exception e)
        {
            return CommandFailure.Write(error, "summits analyze", e, diagnostic: false, interrupted: false);
        }
    }

    /// <summary>The same run in the JSONL format Summits wrote before OTLP/JSON, which analyze still reads.</summary>
    private static readonly string[] OlderRun = Lines(OlderSpan);

    private static string[] Lines(Func<string, string?, string, double, string, string> Span) =>
    [
        Span("p1", null, "summits.proposal", 10, """{"summits.proposal.id":"p1","summits.proposer":"US","summits.topic":"fta","summits.rule":"unanimity","summits.outcome":"rejected"}"""),
        Span("e1", "p1", "summits.evaluate", 2, """{"summits.proposal.id":"p1","summits.actor":"JP","summits.topic":"fta","summits.outcome":"reject"}"""),
        Span("m1", "e1", "summits.move", 0.1, """{"summits.actor":"JP","summits.topic":"fta","summits.value.before":20,"summits.value.after":25.5,"summits.cause":"p1"}"""),
        """{"resourceMetrics":[{"resource":{},"scopeMetrics":[{"scope":{"name":"Summits"},"metrics":[{"name":"summits.proposals","unit":"{proposal}","sum":{"dataPoints":[{"attributes":[{"key":"summits.topic","value":{"stringValue":"fta"}}],"asInt":"1"}],"aggregationTemporality":2,"isMonotonic":true}}]}]}]}""",
        """{"resourceLogs":[{"resource":{},"scopeLogs":[{"scope":{"name":"Summits"},"logRecords":[{"timeUnixNano":"1509926400000000000","severityNumber":9,"body":{"stringValue":"hello"}}]}]}]}""",
        "",
        Span("p2", null, "summits.proposal", 30, """{"summits.proposal.id":"p2","summits.proposer":"US","summits.topic":"fta,defense","summits.rule":"unanimity","summits.outcome":"agreed"}"""),
        Span("e2", "p2", "summits.evaluate", 2, """{"summits.proposal.id":"p2","summits.actor":"JP","summits.topic":"fta,defense","summits.outcome":"accept"}"""),
        Span("e3", "p2", "summits.evaluate", 2, """{"summits.proposal.id":"p2","summits.actor":"UK","summits.topic":"fta,defense","summits.outcome":"counter"}"""),
        Span("a1", "p2", "summits.agreement", 0, """{"summits.topic":"fta,defense","summits.outcome":"made","summits.parties":"JP,UK,US"}"""),
        Span("m2", null, "summits.move", 0, """{"summits.actor":"JP","summits.topic":"fta","summits.value.before":25.5,"summits.value.after":15.5,"summits.cause":"shock"}"""),
        Span("a2", "m2", "summits.agreement", 0, """{"summits.topic":"fta","summits.outcome":"strained","summits.actor":"JP"}"""),
        Span("a3", "m2", "summits.agreement", 0, """{"summits.topic":"fta","summits.outcome":"breached","summits.actor":"JP"}"""),
        Span("x1", null, "IWorldGrain/Seed", 4, "{}"),
    ];

    [Fact]
    public void Counts_per_topic_follow_the_run()
    {
        var analysis = RunAnalysis.Of(TelemetryExport.Read([Write("run.jsonl", Run)]));

        Assert.Equal(14 - 3, analysis.Spans);
        Assert.Equal(2, analysis.Proposals);
        Assert.Equal(["defense", "fta"], analysis.Topics.Select(t => t.Key));
        var fta = analysis.Topics.Single(t => t.Key == "fta");
        Assert.Equal(new Tally("fta", ProposalsMade: 2, ProposalsReceived: 3, Responses: 3, Accepted: 1, Moves: 2, MeanMove: 7.75, LargestMove: 10,
            Agreements: 1, Strains: 1, Breaches: 1, MeanProposalMs: 20, P95ProposalMs: 30), fta);
        Assert.Equal(1d / 3, fta.AcceptanceRate);
        var defense = analysis.Topics.Single(t => t.Key == "defense");
        Assert.Equal(new Tally("defense", 1, 2, 2, 1, 0, null, null, 1, 0, 0, 30, 30), defense);
    }

    [Fact]
    public void Counts_per_actor_follow_the_run()
    {
        var analysis = RunAnalysis.Of(TelemetryExport.Read([Write("run.jsonl", Run)]));

        Assert.Equal(["JP", "UK", "US"], analysis.Actors.Select(a => a.Key));
        Assert.Equal(new Tally("JP", 0, 2, 2, 1, 2, 7.75, 10, 1, 1, 1, null, null), analysis.Actors[0]);
        Assert.Equal(new Tally("UK", 0, 1, 1, 0, 0, null, null, 1, 0, 0, null, null), analysis.Actors[1]);
        Assert.Equal(new Tally("US", 2, 0, 0, 0, 0, null, null, 1, 0, 0, 20, 30), analysis.Actors[2]);
        Assert.Null(analysis.Actors[2].AcceptanceRate);
    }

    [Fact]
    public void An_older_summits_jsonl_file_analyses_to_the_same_counts()
    {
        var otlp = RunAnalysis.Of(TelemetryExport.Read([Write("run.jsonl", Run)]));
        var older = RunAnalysis.Of(TelemetryExport.Read([Write("older.jsonl", OlderRun)]));

        Assert.Equal(otlp.Spans, older.Spans);
        Assert.Equal(otlp.Topics.ToArray(), older.Topics.ToArray());
        Assert.Equal(otlp.Actors.ToArray(), older.Actors.ToArray());
    }

    [Fact]
    public void A_span_in_several_files_of_a_cluster_counts_once()
    {
        var first = Write("silo-1.jsonl", Run[..6]);
        var second = Write("silo-2.jsonl", Run[3..]);

        var analysis = RunAnalysis.Of(TelemetryExport.Read([first, second]));

        Assert.Equal(2, analysis.Proposals);
        Assert.Equal(2, analysis.Topics.Single(t => t.Key == "fta").Moves);
    }

    [Fact]
    public void P95_is_the_nearest_rank()
    {
        double[] durations = [.. Enumerable.Range(1, 20).Select(i => (double)i)];

        Assert.Equal(19, RunAnalysis.Percentile(durations, 95));
        Assert.Equal(7, RunAnalysis.Percentile([7], 95));
        Assert.Null(RunAnalysis.Percentile([], 95));
    }

    [Fact]
    public void The_command_prints_both_tables_and_writes_csv()
    {
        var file = Write("run.jsonl", Run);
        var csv = Path.Combine(_directory, "csv");
        var output = new StringWriter();

        var exit = AnalyzeCommand.Run([file], csv, output, new StringWriter(), width: 200);

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("11 spans, 2 proposals", text);
        Assert.Matches(@"(?m)^fta\s+2\s+3\s+33\.3%\s+2\s+7\.75\s+10\s+1\s+1\s+1\s+20\s+30$", text);
        Assert.Matches(@"(?m)^US\s+2\s+0\s+0\s+1\s+0\s+0\s+20\s+30$", text);
        Assert.Equal(
            [
                "topic,proposals_made,proposals_received,acceptance,moves,mean_move,largest_move,agreements,strains,breaches,mean_ms_proposal,p95_ms_proposal",
                "defense,1,2,0.5,0,,,1,0,0,30,30",
                "fta,2,3,0.3333,2,7.75,10,1,1,1,20,30",
            ],
            File.ReadAllLines(Path.Combine(csv, "topics.csv")));
        Assert.Equal("JP,0,2,0.5,2,7.75,10,1,1,1,,", File.ReadAllLines(Path.Combine(csv, "actors.csv"))[1]);
    }

    [Theory]
    // The JSON ends after the comma at byte 14, so the reader stops at column 15.
    [InlineData("{\"type\":\"span\",", "15: not valid JSON")]
    // `{"name":"Größe",` is 16 characters and 18 bytes ('ö' and 'ß' take two each in UTF-8): the second ',' after it
    // is at column 17, counted in characters, where .NET's byte position, 18 (0-based), would read as column 19.
    [InlineData("{\"name\":\"Größe\",,}", "17: not valid JSON")]
    [InlineData("[1,2]", "1: a JSON array of 2 values, not an object; expected an OTLP/JSON export request (resourceSpans, resourceMetrics or resourceLogs) a line")]
    // A line of a JSON null after two spaces: the null stands at column 3.
    [InlineData("  null", "3: a JSON null, not an object; expected an OTLP/JSON export request")]
    [InlineData("\"x\"", "1: a JSON string (\"x\"), not an object; expected an OTLP/JSON export request")]
    [InlineData("{\"resourceSpans\":{}}", "1: \"resourceSpans\" is not an array; expected an OTLP/JSON export request")]
    [InlineData("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"t\",\"spanId\":\"s\",\"name\":\"x\",\"startTimeUnixNano\":\"5\"}]}]}]}",
        "1: span has no \"endTimeUnixNano\"; expected nanoseconds since 1970 as a decimal string")]
    [InlineData("{\"name\":\"x\"}", "1: an object with none of resourceSpans, resourceMetrics or resourceLogs; expected an OTLP/JSON export request")]
    [InlineData("{\"type\":\"trace\"}", "1: \"type\" is 'trace'; valid choices in the older Summits JSONL: span, metric or log")]
    public void A_bad_line_is_reported_with_file_line_and_column_and_exit_code_2(string line, string problem)
    {
        var file = Write("bad.jsonl", [Run[0], line]);
        var error = new StringWriter();

        var exit = Analyze([file], new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.StartsWith($"{file}:2:{problem}", error.ToString());
        Assert.Single(error.ToString().TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_summits_span_without_what_analysis_needs_is_named()
    {
        var file = Write("bad.jsonl",
        [
            Run[0],
            Span("m9", null, "summits.move", 0, """{"summits.actor":"JP","summits.topic":"fta","summits.value.before":"high","summits.value.after":3}"""),
        ]);

        var error = new StringWriter();
        Assert.Equal(2, Analyze([file], new StringWriter(), error));
        Assert.Equal($"{file}:2:1: summits.move span has summits.value.before 'high'; expected a number on the 0-100 scale", error.ToString().TrimEnd());

        var outcome = Write("outcome.jsonl",
            [Span("e9", null, "summits.evaluate", 0, """{"summits.actor":"JP","summits.topic":"fta","summits.outcome":"maybe"}""")]);
        error = new StringWriter();
        Assert.Equal(2, Analyze([outcome], new StringWriter(), error));
        Assert.Equal($"{outcome}:1:1: summits.evaluate span has summits.outcome 'maybe'; valid choices: accept, reject or counter", error.ToString().TrimEnd());
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        var error = new StringWriter();

        Assert.Equal(2, Analyze([Path.Combine(_directory, "none.jsonl")], new StringWriter(), error));
        Assert.Contains("none.jsonl:1:1: no such file", error.ToString());
    }

    [Fact]
    public void A_folder_a_device_and_a_fifo_are_refused_in_one_line_before_they_are_read()
    {
        var fifo = Path.Combine(_directory, "pipe.jsonl");
        Assert.Equal(0, MakeFifo(fifo, Convert.ToUInt32("644", 8)));

        // Each is refused by its file type (statx), before it is opened: /dev/zero would read without end
        // and a FIFO with no writer would wait forever, so returning at all shows neither was opened.
        foreach (var (path, expected) in new[]
                 {
                     (_directory, $"{_directory}:1:1: the telemetry file '{_directory}' is a folder; expected a file"),
                     ("/dev/zero", "/dev/zero:1:1: the telemetry file '/dev/zero' is a character device, not a regular file; name a file on disk"),
                     (fifo, $"{fifo}:1:1: the telemetry file '{fifo}' is a FIFO (named pipe), not a regular file; name a file on disk"),
                 })
        {
            var error = new StringWriter();
            var output = new StringWriter();

            Assert.Equal(2, Analyze([path], output, error));
            Assert.Equal(expected + "\n", error.ToString().ReplaceLineEndings("\n"));
            Assert.Empty(output.ToString());
        }
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_in_one_line()
    {
        var large = Path.Combine(_directory, "large.jsonl");
        using (var stream = File.Create(large))
            stream.SetLength(InputFile.TelemetryLimit + 1024 * 1024); // sparse: 1 GiB and 1 MiB, no blocks written

        var error = new StringWriter();

        Assert.Equal(2, Analyze([large], new StringWriter(), error));
        // 1025 MiB against the 1 GiB (1024 MiB) limit.
        Assert.Equal($"{large}:1:1: the telemetry file '{large}' is 1025 MiB, larger than 1024 MiB, the most Summits reads\n", error.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>What a file that holds no run is said to have been expected to hold.</summary>
    private const string ExpectedRun = "expected the telemetry of a run: an OTLP/JSON export request (resourceSpans, resourceMetrics or resourceLogs) a line, as 'summits ... --telemetry FILE.jsonl' writes";

    /// <summary>The spans a run has and a file without one lacks, as the refusal names them.</summary>
    private const string RunSpans = "summits.step, summits.round, summits.proposal, summits.evaluate, summits.move or summits.agreement";

    [Theory]
    // Before, each of these analysed to "0 spans, 0 proposals" and "topics: none", with exit code 0.
    [InlineData("", "the file is empty (0 bytes)")]
    // An empty line, then one of two spaces: 2 lines.
    [InlineData("\n  \n", "the file holds only 2 blank lines")]
    // CR LF ends a line once: 3 lines, not 6.
    [InlineData("\r\n\r\n\r\n", "the file holds only 3 blank lines")]
    // The three bytes EF BB BF and nothing after them.
    [InlineData("\uFEFF", "the file holds only a byte order mark (U+FEFF)")]
    // A tab, a space and a tab: 3 characters.
    [InlineData("\t \t", "the file holds only whitespace (3 characters, no line end)")]
    public void An_empty_or_blank_file_is_refused_in_one_line_saying_what_it_holds(string text, string holds)
    {
        var file = Path.Combine(_directory, "blank.jsonl");
        File.WriteAllText(file, text, new System.Text.UTF8Encoding(false));
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(2, Analyze([file], output, error));

        Assert.Equal($"{file}:1:1: {holds}; {ExpectedRun}\n", error.ToString().ReplaceLineEndings("\n"));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void A_blank_file_beside_a_run_is_refused_too()
    {
        // The run's file reads (11 spans, 2 proposals); the empty one beside it is said, and nothing is printed.
        var run = Write("run.jsonl", Run);
        var empty = Path.Combine(_directory, "silo-2.jsonl");
        File.WriteAllText(empty, "");
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(2, Analyze([run, empty], output, error));

        Assert.Equal($"{empty}:1:1: the file is empty (0 bytes); {ExpectedRun}\n", error.ToString().ReplaceLineEndings("\n"));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void A_file_with_lines_but_no_run_is_refused_saying_what_it_holds()
    {
        // Line 1 blank; line 2 the metrics export (Run[3]), line 3 the logs export (Run[4]), line 4 Orleans' span
        // IWorldGrain/Seed (Run[13]), line 5 a seed's span, line 6 a metric of the older format. No step, round,
        // proposal, evaluate, move or agreement span: 5 lines that are not blank, 2 spans, each name once (so in the
        // order of their names, capital I before s), 2 exports of metrics (one of each format) and 1 of logs, said at
        // line 2, the first that is not blank.
        var file = Write("seed.jsonl", ["", Run[3], Run[4], Run[13], Span("s1", null, "summits.seed", 3, "{}"), """{"type":"metric","name":"summits.proposals"}"""]);
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(2, Analyze([file], output, error));

        Assert.Equal($"{file}:2:1: the file holds 5 lines: 2 spans (IWorldGrain/Seed and summits.seed), 2 exports of metrics and 1 export of logs, and no span of a run ({RunSpans}); {ExpectedRun}\n",
            error.ToString().ReplaceLineEndings("\n"));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void An_export_of_traces_with_no_span_is_no_run()
    {
        // One line, a traces export whose list of resources is empty: 0 spans, nothing else.
        var file = Write("none.jsonl", ["""{"resourceSpans":[]}"""]);
        var error = new StringWriter();

        Assert.Equal(2, Analyze([file], new StringWriter(), error));

        Assert.Equal($"{file}:1:1: the file holds 1 line: 0 spans, and no span of a run ({RunSpans}); {ExpectedRun}\n", error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Files_are_judged_together_a_silo_without_a_run_beside_one_with_it_is_read()
    {
        // A cluster's silo may export only metrics and its own housekeeping: beside a file that holds the run, it is
        // read, and the counts are the run's (2 proposals) with its one span added (11 + 1).
        var housekeeping = Write("silo-2.jsonl", [Run[3], Span("x9", null, "IMembershipTable/ReadAll", 1, "{}")]);
        var run = Write("silo-1.jsonl", Run);

        var analysis = RunAnalysis.Of(TelemetryExport.Read([housekeeping, run]));
        Assert.Equal((12, 2), (analysis.Spans, analysis.Proposals));

        // Two files neither of which holds a run are said together, at the first line of the first: 2 lines (one
        // each), 1 span, 2 exports of metrics.
        var metrics = Write("silo-3.jsonl", [Run[3]]);
        var error = new StringWriter();
        Assert.Equal(2, Analyze([metrics, housekeeping], new StringWriter(), error));
        Assert.Equal($"{metrics}:1:1: the 2 files hold 3 lines: 1 span (IMembershipTable/ReadAll) and 2 exports of metrics, and no span of a run ({RunSpans}); {ExpectedRun}\n",
            error.ToString().ReplaceLineEndings("\n"));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);

    /// <summary>Spans made through the real source and the real exporter read back to the counts that were made.</summary>
    [Fact]
    public void Spans_exported_to_otlp_json_round_trip_through_analyze()
    {
        var path = Path.Combine(_directory, "export.jsonl");
        var world = $"round-trip-{Guid.NewGuid():N}";
        var writer = new JsonlWriter(path);
        using (var tracing = Sdk.CreateTracerProviderBuilder()
                   .AddSource(SummitsTelemetry.Name)
                   .AddProcessor(new SimpleActivityExportProcessor(new OtlpJsonSpanExporter(writer)))
                   .Build())
        {
            for (var i = 0; i < 3; i++)
            {
                using var proposal = SummitsTelemetry.StartSpan(SummitsTelemetry.ProposalSpan, world)!
                    .SetTag(SummitsTelemetry.ProposalId, $"{world}-p{i}")
                    .SetTag(SummitsTelemetry.Proposer, "US")
                    .SetTag(SummitsTelemetry.Topic, world)
                    .SetTag(SummitsTelemetry.Outcome, i == 2 ? "agreed" : "rejected");
                using (SummitsTelemetry.StartSpan(SummitsTelemetry.EvaluateSpan, world)!
                           .SetTag(SummitsTelemetry.ProposalId, $"{world}-p{i}")
                           .SetTag(SummitsTelemetry.Actor, "JP")
                           .SetTag(SummitsTelemetry.Topic, world)
                           .SetTag(SummitsTelemetry.Outcome, i == 2 ? "accept" : "reject"))
                using (SummitsTelemetry.StartSpan(SummitsTelemetry.MoveSpan, world)!
                           .SetTag(SummitsTelemetry.Actor, "JP")
                           .SetTag(SummitsTelemetry.Topic, world)
                           .SetTag(SummitsTelemetry.ValueBefore, 10.0 * i)
                           .SetTag(SummitsTelemetry.ValueAfter, 10.0 * i + 4))
                {
                }
                if (i == 2)
                    SummitsTelemetry.StartSpan(SummitsTelemetry.AgreementSpan, world)!
                        .SetTag(SummitsTelemetry.Topic, world)
                        .SetTag(SummitsTelemetry.Outcome, "made")
                        .Dispose();
            }
        }

        writer.Finish(finished: true);
        var topic = RunAnalysis.Of(TelemetryExport.Read([path])).Topics.Single(t => t.Key == world);

        Assert.Equal((3, 3, 3, 1, 3, 4d, 4d, 1), (topic.ProposalsMade, topic.ProposalsReceived, topic.Responses, topic.Accepted, topic.Moves, topic.MeanMove!.Value, topic.LargestMove!.Value, topic.Agreements));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>One span as an OTLP/JSON <c>ExportTraceServiceRequest</c> line; <paramref name="attributes"/> is a flat JSON object.</summary>
    private static string Span(string id, string? parent, string name, double durationMs, string attributes)
    {
        const long start = 1509926400_000_000_000; // 2017-11-06T00:00:00Z in nanoseconds
        var end = start + (long)Math.Round(durationMs * 1_000_000);
        var values = System.Text.Json.JsonDocument.Parse(attributes).RootElement.EnumerateObject().Select(a =>
            $$"""{"key":"{{a.Name}}","value":{{(a.Value.ValueKind == System.Text.Json.JsonValueKind.String
                ? $$"""{"stringValue":{{a.Value.GetRawText()}}}"""
                : a.Value.TryGetInt64(out var whole) ? $$"""{"intValue":"{{whole}}"}""" : $$"""{"doubleValue":{{a.Value.GetRawText()}}}""")}}}""");
        var parentField = parent is null ? "" : $$""","parentSpanId":"{{parent}}" """.TrimEnd();
        return $$"""{"resourceSpans":[{"resource":{},"scopeSpans":[{"scope":{"name":"Summits"},"spans":[{"traceId":"t1","spanId":"{{id}}"{{parentField}},"name":"{{name}}","kind":1,"startTimeUnixNano":"{{start}}","endTimeUnixNano":"{{end}}","attributes":[{{string.Join(",", values)}}]}]}]}]}""";
    }

    private static string OlderSpan(string id, string? parent, string name, double durationMs, string attributes) =>
        $$"""{"type":"span","traceId":"t1","spanId":"{{id}}","parentSpanId":{{(parent is null ? "null" : $"\"{parent}\"")}},"name":"{{name}}","kind":"internal","start":"2017-11-06T00:00:00.0000000Z","durationMs":{{durationMs}},"status":"unset","attributes":{{attributes}},"service":"summits"}""";
}

using System.Globalization;
using System.Text.Json;
using Summits.Grains;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Telemetry.Tests;

/// <summary>
/// <c>summits run --telemetry</c>, as a process, then <c>summits analyze -o</c> on its file: the tables
/// count what the run's own <c>timeline.jsonl</c> says, in either engine.
/// </summary>
public sealed class RunExportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("summits-run-export-").FullName;

    [Theory]
    [InlineData("china-role-shift", "grains")]
    [InlineData("china-role-shift", "local")]
    [InlineData("trade-for-defense-package", "grains")]
    [InlineData("trade-for-defense-package", "local")]
    public async Task A_run_exported_to_a_telemetry_file_analyses_to_the_counts_of_its_timeline(string scenario, string engine)
    {
        var file = Path.Combine(_directory, "run.jsonl");
        var output = Path.Combine(_directory, "out");
        var csv = Path.Combine(_directory, "csv");

        var run = await SummitsProcess.RunAsync(["run", WhatIf.Path(scenario), "--engine", engine, "--telemetry", file, "--out", output, "-q"]);
        Assert.True(run.ExitCode == 0, run.Error);
        var analyze = await SummitsProcess.RunAsync(["analyze", file, "-o", csv]);
        Assert.True(analyze.ExitCode == 0, analyze.Error);

        var timeline = File.ReadLines(Path.Combine(output, "timeline.jsonl"))
            .Select(line => JsonSerializer.Deserialize<TimelineEvent>(line, SummitsJson.Compact)!)
            .ToList();
        var parties = File.ReadLines(Path.Combine(output, "agreements.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToLookup(cells => cells[0], cells => cells[3].Split(' '));
        var (topics, actors) = Expected(timeline, id => parties[id].First());

        Assert.Contains($"{timeline.Count(e => e.Kind == EventKind.Proposal)} proposals", analyze.Output);
        AssertRows(topics, Path.Combine(csv, "topics.csv"));
        AssertRows(actors, Path.Combine(csv, "actors.csv"));
    }

    [Fact]
    public async Task The_baseline_run_exports_the_174_spans_docs_telemetry_md_counts()
    {
        var file = Path.Combine(_directory, "baseline.jsonl");

        var run = await SummitsProcess.RunAsync(["run", WhatIf.Path("baseline"), "--engine", "local", "-q", "--telemetry", file]);

        Assert.True(run.ExitCode == 0, run.Error);
        // From the run's timeline (--format csv): 52 proposals, 52 answers to them (3 accept, 37 reject,
        // 12 counter), 51 moves, 10 rounds, 3 agreements made, the scenario's 5 steps and the run's root
        // span: 52 + 52 + 51 + 10 + 3 + 5 + 1 = 174.
        var spans = OtlpFile.Read(file).Spans.ToList();
        Assert.Equal(
            [("run baseline", 1), ("summits.agreement", 3), ("summits.evaluate", 52), ("summits.move", 51), ("summits.proposal", 52), ("summits.round", 10), ("summits.step", 5)],
            spans.GroupBy(s => s.Name).Select(g => (g.Key, g.Count())).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray());
        Assert.Equal(174, spans.Count);
    }

    [Fact]
    public async Task A_runs_log_records_carry_the_ids_of_the_proposal_span_they_were_written_in()
    {
        var file = Path.Combine(_directory, "run.jsonl");

        var run = await SummitsProcess.RunAsync(["run", WhatIf.Path("okinawa-realignment-friction"), "--telemetry", file, "-q"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var telemetry = OtlpFile.Read(file);
        var proposals = telemetry.Spans.Where(s => s.Name == SummitsTelemetry.ProposalSpan).ToList();
        Assert.Equal(2, proposals.Count);
        foreach (var proposal in proposals)
        {
            var id = proposal.Text(SummitsTelemetry.ProposalId);
            var log = Assert.Single(telemetry.LogRecords, l => l.Message.StartsWith($"Proposal {id} ", StringComparison.Ordinal));
            Assert.Equal((proposal.TraceId, proposal.SpanId), (log.TraceId, log.SpanId));
        }
        // Orleans' placement pipeline would otherwise write two Polly records per grain activation.
        Assert.DoesNotContain(telemetry.LogRecords, l => l.Category == "Polly");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>One row of <c>summits analyze -o</c>, as the timeline predicts it.</summary>
    private sealed class Row(string key)
    {
        public string Key => key;
        public int Made { get; set; }
        public HashSet<string> Received { get; } = [];
        public int Responses { get; set; }
        public int Accepted { get; set; }
        public List<double> Moves { get; } = [];
        public int Agreements { get; set; }
        public int Strains { get; set; }
        public int Breaches { get; set; }
    }

    private static (List<Row> Topics, List<Row> Actors) Expected(IReadOnlyList<TimelineEvent> timeline, Func<string, string[]> partiesOf)
    {
        var topics = new Dictionary<string, Row>();
        var actors = new Dictionary<string, Row>();
        Row Topic(string id) => topics.TryGetValue(id, out var row) ? row : topics[id] = new Row(id);
        Row Actor(string id) => actors.TryGetValue(id, out var row) ? row : actors[id] = new Row(id);
        foreach (var e in timeline)
        {
            switch (e.Kind)
            {
                case EventKind.Proposal:
                    foreach (var topic in WhatIf.Topics(e))
                        Topic(topic).Made++;
                    Actor(e.Actor!).Made++;
                    break;
                case EventKind.Accept or EventKind.Reject or EventKind.Counter:
                    foreach (var row in WhatIf.Topics(e).Select(Topic).Append(Actor(e.Actor!)))
                    {
                        row.Received.Add($"{e.Cause}/{e.Actor}");
                        row.Responses++;
                        row.Accepted += e.Kind == EventKind.Accept ? 1 : 0;
                    }
                    break;
                case EventKind.Move:
                    Topic(e.Topic!).Moves.Add(Math.Abs(e.After!.Value - e.Before!.Value));
                    Actor(e.Actor!).Moves.Add(Math.Abs(e.After!.Value - e.Before!.Value));
                    break;
                case EventKind.AgreementMade:
                    foreach (var row in WhatIf.Topics(e).Select(Topic).Concat(partiesOf(e.Cause).Select(Actor)))
                        row.Agreements++;
                    break;
                case EventKind.AgreementStrained:
                    Topic(e.Topic!).Strains++;
                    Actor(e.Actor!).Strains++;
                    break;
                case EventKind.AgreementBreached:
                    Topic(e.Topic!).Breaches++;
                    Actor(e.Actor!).Breaches++;
                    break;
            }
        }
        return ([.. topics.Values.OrderBy(r => r.Key, StringComparer.Ordinal)], [.. actors.Values.OrderBy(r => r.Key, StringComparer.Ordinal)]);
    }

    private static void AssertRows(List<Row> expected, string csv)
    {
        var rows = File.ReadAllLines(csv).Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(expected.Select(r => r.Key), rows.Select(cells => cells[0]));
        foreach (var (row, cells) in expected.Zip(rows))
        {
            // key, made, received, acceptance, moves, mean move, largest move, agreements, strains, breaches, ms...
            Assert.Equal(
                (row.Key, row.Made, row.Received.Count, row.Moves.Count, row.Agreements, row.Strains, row.Breaches),
                (cells[0], Whole(cells[1]), Whole(cells[2]), Whole(cells[4]), Whole(cells[7]), Whole(cells[8]), Whole(cells[9])));
            Near(row.Responses == 0 ? null : (double)row.Accepted / row.Responses, cells[3], 0.00005);
            Near(row.Moves.Count == 0 ? null : row.Moves.Average(), cells[5], 0.005);
            Near(row.Moves.Count == 0 ? null : row.Moves.Max(), cells[6], 0.005);
        }
    }

    private static int Whole(string cell) => int.Parse(cell, CultureInfo.InvariantCulture);

    /// <summary>A CSV cell rounded to its printed decimals holds the expected value, or is empty when there is none.</summary>
    private static void Near(double? expected, string cell, double halfStep)
    {
        if (expected is null)
        {
            Assert.Equal("", cell);
            return;
        }
        var value = double.Parse(cell, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(expected.Value - value) <= halfStep + 1e-12, $"expected {expected} in the CSV, found {cell}");
    }
}

using System.Diagnostics;
using Summits.Grains;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Telemetry.Tests;

/// <summary>
/// A scenario run in grains on the shared cluster is one trace whose Summits spans say what its timeline
/// says: every expected value here comes from the run's own timeline.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class RunTraceTests(TelemetryCluster cluster)
{
    private const string CountryEvaluate = "ICountryGrain/Evaluate";

    public static TheoryData<string> Scenarios => ["trade-for-defense-package", "okinawa-realignment-friction", "china-role-shift"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task A_run_is_one_trace_with_a_span_per_step_and_round_and_its_grain_calls(string scenario)
    {
        var (run, trace) = await RunAsync(scenario);

        Assert.Equal(default, trace.Root.ParentSpanId);
        Assert.Equal(run.Scenario.Id, trace.Root.GetTagItem(SummitsTelemetry.Scenario));
        Assert.All(trace.Spans.Where(s => s != trace.Root), s => Assert.True(trace.Descends(s, trace.Root), $"{s.DisplayName} does not descend from the run span"));

        var steps = trace.Named(SummitsTelemetry.StepSpan);
        Assert.Equal(
            run.Scenario.Steps.Where(s => s is not RoundsStep).Select(s => s.Id).Order(),
            steps.Select(s => (string)s.GetTagItem(SummitsTelemetry.Step)!).Order());
        var rounds = trace.Named(SummitsTelemetry.RoundSpan);
        Assert.Equal(
            run.Timeline.Where(e => e.Kind == EventKind.Round).Select(e => (e.Step, e.Round)).Order(),
            rounds.Select(s => ((string)s.GetTagItem(SummitsTelemetry.Step)!, (int?)s.GetTagItem(SummitsTelemetry.Round))).Order());

        // Each step or round is one advance of the world grain, run inside one of its Advance calls. A call runs advances
        // until the first that writes a checkpoint: every 100th (the silo's default) and the run's last, so a run of n
        // advances takes ceil(n / 100) calls (one for these runs, each shorter than 100).
        var advances = trace.Spans.Where(s => s.DisplayName == "IWorldGrain/Advance" && s.Kind == ActivityKind.Server).ToList();
        Assert.Equal((steps.Count + rounds.Count + 99) / 100, advances.Count);
        Assert.All(steps.Concat(rounds), s => Assert.Contains(trace.Parent(s), advances));
        Assert.All(trace.Spans.Where(s => s.Source.Name != SummitsTelemetry.Name), s => Assert.StartsWith("Microsoft.Orleans.", s.Source.Name));
        Assert.Contains(trace.Spans, s => s.DisplayName == "IWorldGrain/Seed" && s.Kind == ActivityKind.Server);
        Assert.Contains(trace.Spans, s => s.DisplayName == "IWorldGrain/Snapshot" && s.Kind == ActivityKind.Server);
        // A scripted proposal's answers are country grain calls; a round runs on the world grain's copy of its countries.
        Assert.Equal(run.Timeline.Count(e => WhatIf.IsAnswer(e) && e.Round is null), trace.Spans.Count(s => s.DisplayName == CountryEvaluate && s.Kind == ActivityKind.Server));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Each_proposal_is_a_span_under_its_step_or_round_with_its_outcome(string scenario)
    {
        var (run, trace) = await RunAsync(scenario);

        var proposals = run.Timeline.Where(e => e.Kind == EventKind.Proposal).ToList();
        Assert.NotEmpty(proposals);
        var spans = trace.Named(SummitsTelemetry.ProposalSpan);
        Assert.Equal(proposals.Count, spans.Count);
        foreach (var proposal in proposals)
        {
            var span = Assert.Single(spans, s => Equals(s.GetTagItem(SummitsTelemetry.ProposalId), proposal.Cause));
            var agreed = run.Timeline.Any(e => e.Kind == EventKind.AgreementMade && e.Cause == proposal.Cause);
            Assert.Equal(
                (proposal.Actor, string.Join(',', WhatIf.Topics(proposal)), WhatIf.Rule(proposal), agreed ? "agreed" : "rejected"),
                ((string?)span.GetTagItem(SummitsTelemetry.Proposer), (string?)span.GetTagItem(SummitsTelemetry.Topic),
                    (string?)span.GetTagItem(SummitsTelemetry.Rule), (string?)span.GetTagItem(SummitsTelemetry.Outcome)));

            var parent = trace.Parent(span)!;
            Assert.Equal(proposal.Round is null ? SummitsTelemetry.StepSpan : SummitsTelemetry.RoundSpan, parent.OperationName);
            Assert.Equal(proposal.Step, parent.GetTagItem(SummitsTelemetry.Step));
            Assert.Equal(proposal.Round, (int?)parent.GetTagItem(SummitsTelemetry.Round));
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Each_answer_is_an_evaluate_span_under_its_proposal_inside_the_recipients_grain_call_unless_in_a_round(string scenario)
    {
        var (run, trace) = await RunAsync(scenario);

        var answers = run.Timeline.Where(WhatIf.IsAnswer).ToList();
        var spans = trace.Named(SummitsTelemetry.EvaluateSpan);
        Assert.Equal(
            answers.Select(e => (e.Cause, e.Actor, WhatIf.Answer(e), e.Topic!.Replace('+', ','))).Order(),
            spans.Select(s => ((string)s.GetTagItem(SummitsTelemetry.ProposalId)!, (string?)s.GetTagItem(SummitsTelemetry.Actor),
                (string)s.GetTagItem(SummitsTelemetry.Outcome)!, (string)s.GetTagItem(SummitsTelemetry.Topic)!)).Order());
        var inRounds = answers.Where(e => e.Round is not null).Select(e => e.Cause).ToHashSet(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            if (inRounds.Contains((string)span.GetTagItem(SummitsTelemetry.ProposalId)!))
            {
                // A round runs on the world grain's copy: evaluate <- proposal, in the world's Advance.
                var round = trace.Parent(span)!;
                Assert.Equal(SummitsTelemetry.ProposalSpan, round.OperationName);
                Assert.Equal(span.GetTagItem(SummitsTelemetry.ProposalId), round.GetTagItem(SummitsTelemetry.ProposalId));
                continue;
            }
            // evaluate <- ICountryGrain/Evaluate (server) <- ICountryGrain/Evaluate (client) <- proposal
            var server = trace.Parent(span)!;
            Assert.Equal((CountryEvaluate, ActivityKind.Server), (server.DisplayName, server.Kind));
            var client = trace.Parent(server)!;
            Assert.Equal((CountryEvaluate, ActivityKind.Client), (client.DisplayName, client.Kind));
            var proposal = trace.Parent(client)!;
            Assert.Equal(SummitsTelemetry.ProposalSpan, proposal.OperationName);
            Assert.Equal(span.GetTagItem(SummitsTelemetry.ProposalId), proposal.GetTagItem(SummitsTelemetry.ProposalId));
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Moves_and_agreement_changes_are_spans_with_the_timelines_values_under_their_cause(string scenario)
    {
        var (run, trace) = await RunAsync(scenario);

        var moves = run.Timeline.Where(e => e.Kind == EventKind.Move).ToList();
        Assert.NotEmpty(moves);
        var moveSpans = trace.Named(SummitsTelemetry.MoveSpan);
        Assert.Equal(
            moves.Select(e => (e.Actor, e.Topic, e.Before, e.After, e.Cause)).Order(),
            moveSpans.Select(s => ((string?)s.GetTagItem(SummitsTelemetry.Actor), (string?)s.GetTagItem(SummitsTelemetry.Topic),
                (double?)s.GetTagItem(SummitsTelemetry.ValueBefore), (double?)s.GetTagItem(SummitsTelemetry.ValueAfter),
                (string)s.GetTagItem(SummitsTelemetry.Cause)!)).Order());

        var changes = run.Timeline.Where(e => e.Kind is EventKind.AgreementMade or EventKind.AgreementStrained or EventKind.AgreementBreached
            or EventKind.AgreementSuperseded or EventKind.AgreementPartlySuperseded or EventKind.AgreementRestored).ToList();
        Assert.NotEmpty(changes);
        var agreementSpans = trace.Named(SummitsTelemetry.AgreementSpan);
        string Parties(TimelineEvent e) => e.Kind == EventKind.AgreementMade
            ? string.Join(',', run.Final.Agreements.Single(a => a.Id == e.Cause).Parties.Order())
            : "";
        Assert.Equal(
            changes.Select(e => (Change(e.Kind), e.Topic!.Replace('+', ','), e.Actor, Parties(e), e.Cause)).Order(),
            agreementSpans.Select(s => ((string)s.GetTagItem(SummitsTelemetry.Outcome)!, (string)s.GetTagItem(SummitsTelemetry.Topic)!,
                (string?)s.GetTagItem(SummitsTelemetry.Actor),
                string.Join(',', ((string?)s.GetTagItem(SummitsTelemetry.Parties) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Order()),
                (string)s.GetTagItem(SummitsTelemetry.Cause)!)).Order());

        // A change caused by a proposal sits in that proposal's span; one caused by a shock, in the shock's step.
        var proposalIds = run.Timeline.Where(e => e.Kind == EventKind.Proposal).Select(e => e.Cause).ToHashSet();
        foreach (var span in moveSpans.Concat(agreementSpans))
        {
            var cause = (string)span.GetTagItem(SummitsTelemetry.Cause)!;
            var parent = trace.Parent(span)!;
            if (proposalIds.Contains(cause))
                Assert.Equal((SummitsTelemetry.ProposalSpan, (object)cause), (parent.OperationName, parent.GetTagItem(SummitsTelemetry.ProposalId)!));
            else
                Assert.Equal((SummitsTelemetry.StepSpan, (object)cause), (parent.OperationName, parent.GetTagItem(SummitsTelemetry.Step)!));
        }
    }

    [Fact]
    public async Task Supersession_partial_supersession_and_restoration_are_agreement_spans_under_their_cause()
    {
        var folder = Directory.CreateTempSubdirectory("summits-supersession-").FullName;
        try
        {
            // The package, x alone at 52, the strain and restoration of x, then y alone at 51: see SupersessionFiles.
            var path = SupersessionFiles.Write(folder, SupersessionFiles.Restoration);
            var key = $"supersession-{Guid.NewGuid():N}";
            var loaded = ScenarioFile.Load(path);
            loaded = loaded with { World = loaded.World with { Id = key } };
            var run = await ScenarioRun.InGrainsAsync(cluster.Client, loaded, WorldKey.Of(key));
            var trace = RunTrace.Of(cluster.ExportedSpans(), key);

            // The timeline has each change once, as worked out above. A change of the package's status is
            // labelled with the first of its topics in order, x, whichever topic the newer agreement took.
            string[] Changed(EventKind kind) => [.. run.Timeline.Where(e => e.Kind == kind).Select(e => $"{e.Cause}:{e.Topic}")];
            Assert.Equal(["x-again:x"], Changed(EventKind.AgreementPartlySuperseded));
            Assert.Equal(["drift:x"], Changed(EventKind.AgreementStrained));
            Assert.Equal(["return:x"], Changed(EventKind.AgreementRestored));
            Assert.Equal(["y-again:x"], Changed(EventKind.AgreementSuperseded));

            // Each is a summits.agreement span with its outcome, topic and cause, under the proposal or step that caused it.
            var spans = trace.Named(SummitsTelemetry.AgreementSpan)
                .Where(s => (string)s.GetTagItem(SummitsTelemetry.Outcome)! != SummitsTelemetry.Outcomes.Made)
                .Select(s => ((string)s.GetTagItem(SummitsTelemetry.Outcome)!, (string)s.GetTagItem(SummitsTelemetry.Topic)!, (string)s.GetTagItem(SummitsTelemetry.Cause)!,
                    trace.Parent(s)!.OperationName))
                .Order();
            Assert.Equal(
                new[]
                {
                    ("partly-superseded", "x", "x-again", SummitsTelemetry.ProposalSpan),
                    ("restored", "x", "return", SummitsTelemetry.StepSpan),
                    ("strained", "x", "drift", SummitsTelemetry.StepSpan),
                    ("superseded", "x", "y-again", SummitsTelemetry.ProposalSpan),
                },
                spans);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task No_span_of_a_run_is_exported_twice()
    {
        var (_, trace) = await RunAsync("china-role-shift");

        var spans = cluster.ExportedSpans();

        Assert.True(trace.Spans.Count > 100, $"expected the run's spans, saw {trace.Spans.Count}");
        var repeated = spans.GroupBy(s => s.SpanId).Where(g => g.Count() > 1).Select(g => g.First().DisplayName).ToList();
        Assert.Empty(repeated);
    }

    private static string Change(EventKind kind) => kind switch
    {
        EventKind.AgreementMade => SummitsTelemetry.Outcomes.Made,
        EventKind.AgreementStrained => SummitsTelemetry.Outcomes.Strained,
        EventKind.AgreementBreached => SummitsTelemetry.Outcomes.Breached,
        EventKind.AgreementSuperseded => "superseded",
        EventKind.AgreementPartlySuperseded => "partly-superseded",
        _ => "restored",
    };

    private async Task<(RunResult Run, RunTrace Trace)> RunAsync(string scenario)
    {
        var key = $"{scenario}-{Guid.NewGuid():N}";
        var run = await ScenarioRun.InGrainsAsync(cluster.Client, WhatIf.Load(scenario, key), WorldKey.Of(key));
        Assert.Equal(0, run.Failures);
        return (run, RunTrace.Of(cluster.ExportedSpans(), key));
    }
}

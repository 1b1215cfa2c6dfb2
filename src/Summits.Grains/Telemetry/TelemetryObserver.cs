using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Summits.Model;

namespace Summits.Grains;

/// <summary>
/// Turns a run into spans, metrics and log records: a span per step and per proposal, a span per
/// move and per agreement change (made, strained, breached, superseded, partly superseded, restored)
/// inside the proposal or step that caused it, and the metrics of the
/// <see cref="SummitsTelemetry"/> contract. With no listener it costs a branch per call.
/// </summary>
/// <param name="evaluationSpans">
/// Whether answers become <c>summits.evaluate</c> spans here. In grains the country grain makes
/// that span itself, inside its grain call; a local run has no grain call, so the observer makes it.
/// </param>
public sealed partial class TelemetryObserver(string world, ILogger logger, bool evaluationSpans) : IRunObserver
{
    private long _proposalStarted;
    private Activity? _proposalSpan;

    public IDisposable? BeginStep(Step step, int? round)
    {
        var span = SummitsTelemetry.StartSpan(round is null ? SummitsTelemetry.StepSpan : SummitsTelemetry.RoundSpan, world);
        span?.SetTag(SummitsTelemetry.Step, step.Id);
        if (round is { } r)
        {
            span?.SetTag(SummitsTelemetry.Round, r);
            SummitsTelemetry.RecordRound();
        }
        return span;
    }

    public IDisposable? BeginProposal(Proposal proposal)
    {
        if (SummitsTelemetry.Proposals.Enabled)
        {
            // The terms, not Proposal.Topics: that is a LINQ iterator, an allocation on every proposal of a run with metrics.
            var rule = proposal.Rule.ToString();
            foreach (var term in proposal.Terms)
                SummitsTelemetry.RecordProposal(term.Topic, rule);
        }
        _proposalStarted = Stopwatch.GetTimestamp();
        var span = _proposalSpan = SummitsTelemetry.StartSpan(SummitsTelemetry.ProposalSpan, world);
        // The joined topics and the rule's name are built for a span only: a run without a listener makes thousands of proposals.
        span?.SetTag(SummitsTelemetry.ProposalId, proposal.Id)
            .SetTag(SummitsTelemetry.Proposer, proposal.From)
            .SetTag(SummitsTelemetry.Topic, string.Join(',', proposal.Topics))
            .SetTag(SummitsTelemetry.Rule, proposal.Rule.ToString())
            .SetTag(SummitsTelemetry.Cause, proposal.Cause);
        return span;
    }

    public void EndProposal(Proposal proposal, ImmutableArray<string> parties)
    {
        var agreed = !parties.IsDefaultOrEmpty;
        var outcome = agreed ? SummitsTelemetry.Outcomes.Agreed : SummitsTelemetry.Outcomes.Rejected;
        // The proposal's own span, not Activity.Current: with Summits unobserved and Orleans observed,
        // the current span would be a grain call's.
        _proposalSpan?.SetTag(SummitsTelemetry.Outcome, outcome);
        _proposalSpan = null;
        var elapsed = Stopwatch.GetElapsedTime(_proposalStarted);
        if (SummitsTelemetry.ProposalDuration.Enabled)
        {
            foreach (var term in proposal.Terms)
                SummitsTelemetry.RecordProposalDuration(term.Topic, outcome, elapsed);
        }
        if (agreed)
        {
            using var span = SummitsTelemetry.StartSpan(SummitsTelemetry.AgreementSpan, world);
            span?.SetTag(SummitsTelemetry.Topic, string.Join(',', proposal.Topics))
                .SetTag(SummitsTelemetry.Outcome, SummitsTelemetry.Outcomes.Made)
                .SetTag(SummitsTelemetry.Parties, string.Join(',', parties))
                .SetTag(SummitsTelemetry.Rule, proposal.Rule.ToString())
                .SetTag(SummitsTelemetry.ProposalId, proposal.Id)
                .SetTag(SummitsTelemetry.Cause, proposal.Id);
            if (SummitsTelemetry.Agreements.Enabled)
            {
                var rule = proposal.Rule.ToString();
                foreach (var term in proposal.Terms)
                    SummitsTelemetry.RecordAgreement(term.Topic, rule);
            }
        }
        if (logger.IsEnabled(LogLevel.Information))
            LogProposal(logger, proposal.Id, proposal.From, proposal.TopicLabel, outcome);
    }

    public void Emitted(TimelineEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.Accept or EventKind.Reject or EventKind.Counter:
                var outcome = e.Kind switch
                {
                    EventKind.Accept => SummitsTelemetry.Outcomes.Accept,
                    EventKind.Reject => SummitsTelemetry.Outcomes.Reject,
                    _ => SummitsTelemetry.Outcomes.Counter,
                };
                // Split only for a listener, and only a joint proposal's topics: a run answers thousands of proposals.
                if (SummitsTelemetry.Responses.Enabled)
                {
                    if (!e.Topic!.Contains('+'))
                        SummitsTelemetry.RecordResponse(e.Actor!, e.Topic, outcome);
                    else
                    {
                        foreach (var topic in e.Topic.Split('+'))
                            SummitsTelemetry.RecordResponse(e.Actor!, topic, outcome);
                    }
                }
                if (evaluationSpans)
                {
                    using var span = SummitsTelemetry.StartSpan(SummitsTelemetry.EvaluateSpan, world);
                    span?.SetTag(SummitsTelemetry.Actor, e.Actor)
                        .SetTag(SummitsTelemetry.Topic, e.Topic!.Replace('+', ','))
                        .SetTag(SummitsTelemetry.ProposalId, e.Cause)
                        .SetTag(SummitsTelemetry.Outcome, outcome);
                }
                break;
            case EventKind.Move:
            {
                SummitsTelemetry.RecordMove(e.Actor!, e.Topic!, e.Before ?? 0, e.After ?? 0);
                using var span = SummitsTelemetry.StartSpan(SummitsTelemetry.MoveSpan, world);
                span?.SetTag(SummitsTelemetry.Actor, e.Actor)
                    .SetTag(SummitsTelemetry.Topic, e.Topic)
                    .SetTag(SummitsTelemetry.ValueBefore, e.Before)
                    .SetTag(SummitsTelemetry.ValueAfter, e.After)
                    .SetTag(SummitsTelemetry.Cause, e.Cause);
                break;
            }
            case EventKind.AgreementStrained or EventKind.AgreementBreached or EventKind.AgreementSuperseded
                or EventKind.AgreementPartlySuperseded or EventKind.AgreementRestored:
            {
                var change = SummitsTelemetry.Outcomes.Of(e.Kind);
                if (e.Kind == EventKind.AgreementStrained)
                    SummitsTelemetry.RecordStrain(e.Topic!);
                else if (e.Kind == EventKind.AgreementBreached)
                    SummitsTelemetry.RecordBreach(e.Topic!);
                using var span = SummitsTelemetry.StartSpan(SummitsTelemetry.AgreementSpan, world);
                span?.SetTag(SummitsTelemetry.Topic, e.Topic)
                    .SetTag(SummitsTelemetry.Actor, e.Actor)
                    .SetTag(SummitsTelemetry.Outcome, change)
                    .SetTag(SummitsTelemetry.Cause, e.Cause);
                if (logger.IsEnabled(LogLevel.Information))
                    LogAgreementChange(logger, e.Topic!, change, e.Cause, e.Why ?? "");
                break;
            }
            case EventKind.ExpectationFailed:
                LogExpectationFailed(logger, e.Step, e.Why ?? "");
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Proposal {ProposalId} from {Proposer} on {Topic}: {Outcome}")]
    private static partial void LogProposal(ILogger logger, string proposalId, string proposer, string topic, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agreement on {Topic} {Change} by {Cause}: {Why}")]
    private static partial void LogAgreementChange(ILogger logger, string topic, string change, string cause, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expectation failed in step {Step}: {Why}")]
    private static partial void LogExpectationFailed(ILogger logger, string step, string why);
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Summits.Model;

namespace Summits.Grains;

/// <summary>
/// The one <see cref="ActivitySource"/> and <see cref="Meter"/> of Summits, with the names of its spans,
/// attributes and instruments, and the methods that record them, so tags are built in one place.
/// </summary>
/// <remarks>
/// Every record method first asks whether anyone listens, so a run with no exporter pays one branch.
/// Metric tags stay bounded (topic, actor, outcome, rule): ids of worlds or proposals would make a
/// new time series per run.
/// </remarks>
public static class SummitsTelemetry
{
    public const string Name = "Summits";

    private static readonly string? Version =
        typeof(SummitsTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    public const string World = "summits.world";
    public const string Topic = "summits.topic";
    public const string Actor = "summits.actor";
    public const string ProposalId = "summits.proposal.id";
    public const string ValueBefore = "summits.value.before";
    public const string ValueAfter = "summits.value.after";
    public const string Cause = "summits.cause";
    public const string Outcome = "summits.outcome";
    public const string Step = "summits.step";
    public const string Round = "summits.round";
    public const string Rule = "summits.rule";
    public const string Scenario = "summits.scenario";
    public const string Seed = "summits.seed";
    public const string Proposer = "summits.proposer";

    /// <summary>The parties to an agreement, comma-separated actor ids, on a <see cref="AgreementSpan"/>.</summary>
    public const string Parties = "summits.parties";

    public const string RunSpan = "summits.run";

    /// <summary>The name a run's root span is exported with: <c>run</c> and the scenario's id, e.g. <c>run baseline</c>; its operation stays <see cref="RunSpan"/>.</summary>
    public static string RunSpanName(string scenario) => $"run {scenario}";
    public const string StepSpan = "summits.step";
    public const string RoundSpan = "summits.round";
    public const string ProposalSpan = "summits.proposal";
    public const string EvaluateSpan = "summits.evaluate";
    public const string MoveSpan = "summits.move";
    public const string AgreementSpan = "summits.agreement";
    public const string SeedSpan = "summits.seed";

    public static readonly Counter<long> Proposals = Meter.CreateCounter<long>(
        "summits.proposals", "{proposal}", "Proposals made, per topic and agreement rule");

    public static readonly Counter<long> Responses = Meter.CreateCounter<long>(
        "summits.responses", "{response}", "Answers to proposals, per actor, topic and outcome (accept, reject, counter)");

    public static readonly Histogram<double> PositionShift = Meter.CreateHistogram<double>(
        "summits.position.shift", "{scale point}", "How far a position moved, in points on the topic's 0-100 scale");

    public static readonly Counter<long> Agreements = Meter.CreateCounter<long>(
        "summits.agreements", "{agreement}", "Agreements made, per topic and rule");

    public static readonly Counter<long> Strains = Meter.CreateCounter<long>(
        "summits.agreements.strained", "{agreement}", "Agreements strained by a party's drift, per topic");

    public static readonly Counter<long> Breaches = Meter.CreateCounter<long>(
        "summits.agreements.breached", "{agreement}", "Agreements breached, per topic");

    public static readonly Counter<long> Rounds = Meter.CreateCounter<long>(
        "summits.rounds", "{round}", "Autonomous negotiation rounds run");

    public static readonly Histogram<double> ProposalDuration = Meter.CreateHistogram<double>(
        "summits.proposal.duration", "ms", "Time from a proposal to its outcome, per topic and outcome");

    /// <summary>Starts a span of this source when anyone listens; null (and no cost) otherwise.</summary>
    public static Activity? StartSpan(string name, string world, ActivityKind kind = ActivityKind.Internal) =>
        Source.HasListeners() ? Source.StartActivity(name, kind, parentContext: default, tags: [new(World, world)]) : null;

    public static void RecordProposal(string topic, string rule)
    {
        if (Proposals.Enabled)
            Proposals.Add(1, new KeyValuePair<string, object?>(Topic, topic), new KeyValuePair<string, object?>(Rule, rule));
    }

    /// <param name="outcome">One of <see cref="Outcomes.Accept"/>, <see cref="Outcomes.Reject"/>, <see cref="Outcomes.Counter"/>.</param>
    public static void RecordResponse(string actor, string topic, string outcome)
    {
        if (Responses.Enabled)
            Responses.Add(1,
                new KeyValuePair<string, object?>(Actor, actor),
                new KeyValuePair<string, object?>(Topic, topic),
                new KeyValuePair<string, object?>(Outcome, outcome));
    }

    /// <summary>Records the size of a move (always positive); a move of nothing is still a data point.</summary>
    public static void RecordMove(string actor, string topic, double before, double after)
    {
        if (PositionShift.Enabled)
            PositionShift.Record(Math.Abs(after - before),
                new KeyValuePair<string, object?>(Actor, actor),
                new KeyValuePair<string, object?>(Topic, topic));
    }

    public static void RecordAgreement(string topic, string rule)
    {
        if (Agreements.Enabled)
            Agreements.Add(1, new KeyValuePair<string, object?>(Topic, topic), new KeyValuePair<string, object?>(Rule, rule));
    }

    public static void RecordStrain(string topic)
    {
        if (Strains.Enabled)
            Strains.Add(1, new KeyValuePair<string, object?>(Topic, topic));
    }

    public static void RecordBreach(string topic)
    {
        if (Breaches.Enabled)
            Breaches.Add(1, new KeyValuePair<string, object?>(Topic, topic));
    }

    public static void RecordRound()
    {
        if (Rounds.Enabled)
            Rounds.Add(1);
    }

    /// <param name="outcome">One of <see cref="Outcomes.Agreed"/>, <see cref="Outcomes.Rejected"/>.</param>
    public static void RecordProposalDuration(string topic, string outcome, TimeSpan duration)
    {
        if (ProposalDuration.Enabled)
            ProposalDuration.Record(duration.TotalMilliseconds,
                new KeyValuePair<string, object?>(Topic, topic),
                new KeyValuePair<string, object?>(Outcome, outcome));
    }

    /// <summary>The values of <see cref="Outcome"/> on each kind of span and metric.</summary>
    public static class Outcomes
    {
        public const string Accept = "accept";
        public const string Reject = "reject";
        public const string Counter = "counter";
        public const string Agreed = "agreed";
        public const string Rejected = "rejected";
        public const string Made = "made";
        public const string Strained = "strained";
        public const string Breached = "breached";
        public const string Superseded = "superseded";
        public const string PartlySuperseded = "partly-superseded";
        public const string Restored = "restored";

        /// <summary>The outcome of a <c>summits.agreement</c> span for an agreement change other than one made.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="change"/> is not a change of an agreement's status.</exception>
        public static string Of(EventKind change) => change switch
        {
            EventKind.AgreementStrained => Strained,
            EventKind.AgreementBreached => Breached,
            EventKind.AgreementSuperseded => Superseded,
            EventKind.AgreementPartlySuperseded => PartlySuperseded,
            EventKind.AgreementRestored => Restored,
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "not a change of an agreement's status"),
        };
    }
}

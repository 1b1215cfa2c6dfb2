using System.Collections.Immutable;
using Summits.Grains;

namespace Summits.Cli.Analysis;

/// <summary>The per-topic and per-actor figures of an exported run, counted from its Summits spans.</summary>
public sealed record RunAnalysis(int Spans, int Proposals, ImmutableArray<Tally> Topics, ImmutableArray<Tally> Actors)
{
    public static RunAnalysis Of(IReadOnlyCollection<ExportedSpan> spans)
    {
        var topics = new Dictionary<string, Counts>(StringComparer.Ordinal);
        var actors = new Dictionary<string, Counts>(StringComparer.Ordinal);
        Counts Topic(string id) => topics.TryGetValue(id, out var c) ? c : topics[id] = new Counts(id);
        Counts Actor(string id) => actors.TryGetValue(id, out var c) ? c : actors[id] = new Counts(id);

        var proposals = 0;
        foreach (var span in spans)
        {
            switch (span.Name)
            {
                case SummitsTelemetry.ProposalSpan:
                    proposals++;
                    foreach (var topic in span.List(SummitsTelemetry.Topic))
                        Topic(topic).Propose(span.DurationMs);
                    Actor(span.Text(SummitsTelemetry.Proposer)!).Propose(span.DurationMs);
                    break;
                case SummitsTelemetry.EvaluateSpan:
                    var accepted = span.Text(SummitsTelemetry.Outcome) == SummitsTelemetry.Outcomes.Accept;
                    var proposal = span.Text(SummitsTelemetry.ProposalId) ?? span.SpanId;
                    foreach (var topic in span.List(SummitsTelemetry.Topic))
                        Topic(topic).Respond(proposal + "/" + span.Text(SummitsTelemetry.Actor), accepted);
                    Actor(span.Text(SummitsTelemetry.Actor)!).Respond(proposal, accepted);
                    break;
                case SummitsTelemetry.MoveSpan:
                    var shift = Math.Abs(span.Number(SummitsTelemetry.ValueAfter)!.Value - span.Number(SummitsTelemetry.ValueBefore)!.Value);
                    Topic(span.Text(SummitsTelemetry.Topic)!).Move(shift);
                    Actor(span.Text(SummitsTelemetry.Actor)!).Move(shift);
                    break;
                case SummitsTelemetry.AgreementSpan:
                    var outcome = span.Text(SummitsTelemetry.Outcome)!;
                    foreach (var topic in span.List(SummitsTelemetry.Topic))
                        Topic(topic).Agreement(outcome);
                    var actorsInvolved = span.List(SummitsTelemetry.Parties).Concat(span.List(SummitsTelemetry.Actor)).Distinct();
                    foreach (var actor in actorsInvolved)
                        Actor(actor).Agreement(outcome);
                    break;
            }
        }

        return new RunAnalysis(spans.Count, proposals,
            [.. topics.Values.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.ToTally())],
            [.. actors.Values.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.ToTally())]);
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="percent"/>% of values at or below it.</summary>
    public static double? Percentile(IReadOnlyList<double> values, double percent)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    private sealed class Counts(string key)
    {
        private readonly List<double> _durations = [];
        private readonly List<double> _moves = [];
        private readonly HashSet<string> _received = new(StringComparer.Ordinal);
        private int _responses, _accepted, _agreements, _strains, _breaches;

        public string Key => key;

        public void Propose(double durationMs) => _durations.Add(durationMs);

        public void Respond(string proposal, bool accepted)
        {
            _received.Add(proposal);
            _responses++;
            if (accepted)
                _accepted++;
        }

        public void Move(double shift) => _moves.Add(shift);

        public void Agreement(string outcome)
        {
            switch (outcome)
            {
                case SummitsTelemetry.Outcomes.Made: _agreements++; break;
                case SummitsTelemetry.Outcomes.Strained: _strains++; break;
                case SummitsTelemetry.Outcomes.Breached: _breaches++; break;
            }
        }

        public Tally ToTally() => new(
            key,
            _durations.Count,
            _received.Count,
            _responses,
            _accepted,
            _moves.Count,
            _moves.Count == 0 ? null : _moves.Average(),
            _moves.Count == 0 ? null : _moves.Max(),
            _agreements,
            _strains,
            _breaches,
            _durations.Count == 0 ? null : _durations.Average(),
            Percentile(_durations, 95));
    }
}

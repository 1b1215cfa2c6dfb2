using System.Text.Json.Serialization;
using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>The contents of <c>state.json</c>: where a run ended, and what produced it.</summary>
/// <param name="Forecast">After a spatial-model run: KTAB's forecast per topic, 0–100, in the world's topic order; null otherwise.</param>
public sealed record StateDocument(
    string Summits,
    string Scenario,
    string About,
    string World,
    ulong Seed,
    ModelParameters Parameters,
    int Events,
    int Failures,
    ImmutableArray<StateDocument.FinalPosition> Positions,
    ImmutableArray<Agreement> Agreements,
    ImmutableArray<StateDocument.Landing> Analysis,
    ImmutableArray<StateDocument.Bargain> Bargaining,
    IReadOnlyDictionary<string, double>? Forecast = null)
{
    /// <summary>How many outcomes of a Pareto frontier <c>state.json</c> keeps, evenly spaced along it.</summary>
    public const int FrontierPoints = 21;

    /// <summary>
    /// A position at the end of the run beside where it started: its value in the run's start world, or for a position a
    /// shock added during the run, the value it was added at (its <c>position-added</c> event's <c>after</c>).
    /// </summary>
    public sealed record FinalPosition(string Actor, string Topic, double Start, double Value, double Salience);

    /// <summary>A topic's reference points, and how far each agreement in force on it landed from them.</summary>
    /// <param name="Nash">The Nash bargaining point when unique; null when there is none or there are several (see <paramref name="NashPoints"/>).</param>
    public sealed record Landing(string Topic, double WeightedMean, double WeightedMedian, double? Nash, ImmutableArray<double> NashPoints,
        double? KalaiSmorodinsky, ImmutableArray<AgreementLanding> Agreements);

    /// <summary>
    /// An agreement in force or an open table as a bargaining problem over the topics of its terms:
    /// utilities are listed in the order of <paramref name="Parties"/>.
    /// </summary>
    /// <param name="Subject">"agreement" or "table".</param>
    /// <param name="Nash">
    /// The Nash bargaining points: one when unique, several when outcomes share the largest product; null (written
    /// as <c>"nash": null</c>) when there is none, because no outcome leaves every party with a stake better off than no deal.
    /// </param>
    /// <param name="NashUnique">True for one Nash point, false when several outcomes share the largest Nash product; null (left out) when there is none.</param>
    /// <param name="Agreed">The agreement's terms and their utilities; null for an open table.</param>
    /// <param name="DistanceToFrontier">How far inside the Pareto frontier the agreement lies, in utility units; null for an open table.</param>
    /// <param name="Frontier">Up to 21 Pareto-optimal outcomes, evenly spaced along the frontier.</param>
    /// <param name="NashTie">When a continuum of outcomes ties for the Nash point, each topic's range over them (<paramref name="Nash"/> holds the two ends); null otherwise.</param>
    /// <param name="KalaiSmorodinskyTie">When a continuum ties for the Kalai–Smorodinsky point, each topic's range over them (<paramref name="KalaiSmorodinsky"/> is the tie's middle); null otherwise.</param>
    /// <param name="Status">The agreement's status (holding, strained or partly-superseded); null for an open table.</param>
    /// <param name="SupersededOn">
    /// For a partly superseded agreement, the topics on which a later agreement took its place (it still binds
    /// on the rest of <paramref name="Topics"/>); null otherwise.
    /// </param>
    /// <param name="BindingOn">
    /// For a partly superseded agreement, each topic on which it still binds, with the parties still held to it
    /// there (a party held to a later agreement on the topic has left it); null otherwise.
    /// </param>
    public sealed record Bargain(string Subject, string Id, ImmutableArray<string> Topics, ImmutableArray<string> Parties,
        ImmutableArray<string> Indifferent, ImmutableArray<double> Disagreement,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ImmutableArray<Outcome>? Nash, bool? NashUnique,
        Outcome? KalaiSmorodinsky, Outcome? Agreed, double? DistanceToFrontier, ImmutableArray<Outcome> Frontier,
        string? Status = null, ImmutableArray<string>? SupersededOn = null,
        ImmutableSortedDictionary<string, Interval>? NashTie = null, ImmutableSortedDictionary<string, Interval>? KalaiSmorodinskyTie = null,
        ImmutableSortedDictionary<string, ImmutableArray<string>>? BindingOn = null)
    {
        public static Bargain Of(BargainingCase c)
        {
            var a = c.Analysis;
            Outcome? agreed = c.Agreement is { } g ? new Outcome(g.Terms, a.Utilities(g.Terms)) : null;
            return new Bargain(c.Subject, c.Id, a.Topics, [.. a.Parties.Select(p => p.Actor)], a.Indifferent, a.Disagreement,
                a.Nash.IsEmpty ? null : a.Nash, a.Nash.IsEmpty ? null : a.Nash.Length == 1, a.KalaiSmorodinsky, agreed, c.Agreement is { } h ? a.DistanceToFrontier(h.Terms) : null,
                Thin(a.Frontier, FrontierPoints),
                c.Agreement is { } s ? KebabCase.Of(s.Status) : null,
                c.SupersededOn.IsDefaultOrEmpty ? null : c.SupersededOn, a.NashTie, a.KalaiSmorodinskyTie, c.BindingOn);
        }

        private static ImmutableArray<Outcome> Thin(ImmutableArray<Outcome> frontier, int count) =>
            frontier.Length <= count ? frontier
                : [.. Enumerable.Range(0, count).Select(k => frontier[(int)Math.Round(k * (frontier.Length - 1.0) / (count - 1))])];
    }

    /// <summary>An agreement's value and its distance from each reference point (value minus point).</summary>
    public sealed record AgreementLanding(string Id, double Value, double FromMean, double FromMedian, double? FromNash);

    /// <summary>The state document of a finished run, with every topic's reference points from its final positions.</summary>
    /// <param name="cancellation">Checked as the reference points are worked out (seconds on a large world).</param>
    /// <param name="events">The run's event count, when its timeline is not held in <paramref name="run"/> (read in pages); null to count <see cref="RunResult.Timeline"/>.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static StateDocument Of(RunResult run, CancellationToken cancellation = default, int? events = null)
    {
        var start = run.Start.Positions.ToDictionary(p => (p.Actor, p.Topic), p => (double)p.Value);
        // A position the run added starts where its shock put it; read from the scenario, since a paged run's
        // timeline is not at hand. One the scenario does not add (none should remain) falls back on its final value.
        var added = AddedPositions.Of(run.Scenario, run.Start);
        var positions = run.Final.Positions
            .Select(p => new FinalPosition(p.Actor, p.Topic,
                start.TryGetValue((p.Actor, p.Topic), out var s0) ? s0 : added.GetValueOrDefault((p.Actor, p.Topic), p.Value),
                p.Value, p.Salience))
            .ToImmutableArray();
        var analysis = run.Analyses(cancellation).Select(a => new Landing(a.Topic, a.WeightedMean, a.WeightedMedian, a.Nash, a.NashPoints,
            a.Bargaining?.KalaiSmorodinsky?.Terms[a.Topic],
            [.. run.Final.Agreements
                .Where(g => g.Covers(a.Topic) && g.Status is AgreementStatus.Holding or AgreementStatus.Strained)
                .Select(g => new AgreementLanding(g.Id, g.Terms[a.Topic], g.Terms[a.Topic] - a.WeightedMean, g.Terms[a.Topic] - a.WeightedMedian, g.Terms[a.Topic] - a.Nash))]))
            .ToImmutableArray();
        return new StateDocument(RunFiles.Version, run.Scenario.Id, run.Scenario.About, run.Start.Id, run.Scenario.Seed,
            run.Scenario.Parameters, events ?? run.Timeline.Length, run.Failures, positions, run.Final.Agreements, analysis,
            [.. run.Bargaining(cancellation).Select(Bargain.Of)], SmpHistory.FinalForecast(run));
    }
}
